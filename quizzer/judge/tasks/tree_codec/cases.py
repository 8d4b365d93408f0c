"""Hidden cases and known bugs of the `tree_codec` task."""

from __future__ import annotations

from typing import Any

from quizzer.judge.spec import Bug, Case, out

OUTPUTS = out("result", "serialize returned a str", "serialize gave the same str twice",
              "the tree after a round trip (preorder)")

def build(node_cls: Any, preorder: list[Any]) -> Any:
    """The tree of a preorder list with None for every missing child, from the candidate's TreeNode (no recursion)."""
    if not preorder or preorder[0] is None:
        return None
    root = node_cls(preorder[0])
    pending = [[root, False]]
    for val in preorder[1:]:
        node = None if val is None else node_cls(val)
        parent = pending[-1]
        if not parent[1]:
            parent[0].left, parent[1] = node, True
        else:
            parent[0].right = node
            pending.pop()
        if node is not None:
            pending.append([node, False])
    return root


def walk(root: Any) -> list[Any]:
    """A tree's preorder list with None for every missing child (no recursion)."""
    out: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        stack.append(node.right)
        stack.append(node.left)
    return out


def RUN(api: Any, a: dict[str, Any]) -> tuple[bool, bool, list[Any]]:
    """(serialize gave a str, the same tree gave the same str twice, the round-tripped tree as a preorder list)."""
    data = api.serialize(build(api.TreeNode, a["tree"]))
    again = api.serialize(build(api.TreeNode, a["tree"]))
    return isinstance(data, str), data == again, walk(api.deserialize(data))


def chain(n: int, left: bool) -> list[Any]:
    """A one-sided chain n nodes deep."""
    values = [(-1) ** i * i for i in range(n)]
    if left:
        return values + [None] * (n + 1)
    out: list[Any] = []
    for v in values:
        out += [v, None]
    return [*out, None]


def zigzag(n: int) -> list[Any]:
    """n nodes, each with one child: on the right, then the left, then the right, ..."""
    out: list[Any] = []
    pending_right = 0  # missing right children, written after the left subtrees that precede them
    for i in range(n):
        out.append(i + 1)
        if i == n - 1:
            out += [None, None]
        elif i % 2 == 0:
            out.append(None)  # no left child; the next node is the right child
        else:
            pending_right += 1
    return [*out, None] * pending_right


def random_tree(seed: int, n: int) -> list[Any]:
    """A fixed pseudo-random tree of n nodes (values in [-999, 999]); a plain LCG, not the global RNG."""
    state = seed
    def rnd(m: int) -> int:
        nonlocal state
        state = (state * 1103515245 + 12345) % 2**31
        return state % m
    out: list[Any] = []
    sizes = [n]
    while sizes:
        size = sizes.pop()
        if size == 0:
            out.append(None)
            continue
        out.append(rnd(1999) - 999)
        left = rnd(size)
        sizes.append(size - 1 - left)
        sizes.append(left)
    return out


CASES = [
    Case("example", {"tree": [1, 2, None, None, 3, 4, None, None, 5, None, None]}, hidden=False),
    Case("empty_tree", {"tree": [None]}, hint="the empty tree (None) must serialize and come back as None",
         hint_on="any"),
    Case("single_node", {"tree": [7, None, None]}),
    Case("left_chain", {"tree": chain(6, left=True)}, hint="a node with only a left child must keep it on the left"),
    Case("right_chain", {"tree": chain(6, left=False)},
         hint="a node with only a right child must keep it on the right"),
    Case("zigzag", {"tree": zigzag(7)}),
    Case("negative_multidigit", {"tree": [-12, 305, -7, None, None, None, 40, None, -1000, None, None]},
         hint="values can be negative and have several digits: split the string into whole tokens"),
    Case("zeros_and_repeats", {"tree": [0, 0, None, 0, None, None, 0, 1, None, None, None]},
         hint="0 is a value like any other (not a missing node), and values can repeat"),
    Case("random_60", {"tree": random_tree(2024, 60)}),
    Case("deep_chain", {"tree": chain(3000, left=False)},
         hint="a chain 3000 deep exceeds Python's recursion limit: use an explicit stack or a queue",
         hint_on="error"),
]

BUGS = [
    Bug("mirrored", "matches the mirror image: with an explicit stack, push the right child first so the left "
        "subtree is written first", {"        stack.append(node.right)  # pushed first, so the left subtree is "
                                     "written first\n        stack.append(node.left)\n":
                                     "        stack.append(node.left)\n        stack.append(node.right)\n"}),
    Bug("values_as_strings", "matches values coming back as strings; convert each token back with int()",
        {"TreeNode(int(tokens[0]))": "TreeNode(tokens[0])", "TreeNode(int(tok))": "TreeNode(tok)"}),
    Bug("no_null_markers", "matches a preorder without null markers (rebuilt as a search tree), which loses the "
        "shape; write a marker for every missing child",
        {"            tokens.append(NULL)  # every missing child is written, so left and right never get confused\n":
         "",
         "    root = TreeNode(int(tokens[0]))\n": "    root = TreeNode(int(tokens[0]))\n"
         "    for tok in tokens[1:]:\n        node, val = root, int(tok)\n        while True:\n"
         "            side = 'left' if val < node.val else 'right'\n            if getattr(node, side) is None:\n"
         "                setattr(node, side, TreeNode(val))\n                break\n"
         "            node = getattr(node, side)\n    return root\n"}),
    Bug("recursive", None, {"def serialize(root: TreeNode | None) -> str:\n":
                            "def serialize(root: TreeNode | None) -> str:\n    if root is None:\n        return NULL\n"
                            "    return SEP.join([str(root.val), serialize(root.left), serialize(root.right)])\n\n\n"
                            "def _unused(root: TreeNode | None) -> str:\n"}),
    Bug("empty_tree_crashes", None, {"    if tokens[0] == NULL:\n        return None\n": ""}),
]
