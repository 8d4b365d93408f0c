"""Grading typed answers. The stable entry points for the practice loop are `grade_numeric` and
`grade_formula`; both return a frozen verdict with `correct`, `readable`, `message` and `hint` and never
raise for any text. Importing this package does not import SymPy: only a formula comparison does.
"""

from quizzer.grading.formula import FormulaVerdict, grade_formula
from quizzer.grading.numeric import NumericVerdict, Target, grade_numeric, grade_quantity
from quizzer.grading.quantity import Quantity, read_quantity
from quizzer.grading.symbolic import warm_up

__all__ = ["FormulaVerdict", "NumericVerdict", "Quantity", "Target", "grade_formula", "grade_numeric",
           "grade_quantity", "read_quantity", "warm_up"]
