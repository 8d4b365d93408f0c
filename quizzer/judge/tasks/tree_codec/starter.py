"""Binary-tree serialisation, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""


class TreeNode:
    """A binary-tree node with an int value (the tests build their trees from this class)."""

    def __init__(self, val: int, left: "TreeNode | None" = None, right: "TreeNode | None" = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def serialize(root: TreeNode | None) -> str:
    """Encode the tree rooted at root (None: the empty tree) as a string.

    Any format you like, as long as deserialize(serialize(t)) rebuilds t exactly: same shape (left stays
    left), same int values, including negative and repeated values, one-sided trees, the empty tree, and
    chains thousands of nodes deep. The same tree must always give the same string.
    Forbidden: pickle, json, marshal, eval, exec, repr.
    """
    raise NotImplementedError


def deserialize(data: str) -> TreeNode | None:
    """Rebuild the tree that serialize encoded (None for the empty tree), from TreeNode objects."""
    raise NotImplementedError
