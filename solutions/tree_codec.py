"""Reference solution: binary-tree serialisation as a preorder walk with null markers."""


class TreeNode:
    """A binary-tree node."""

    def __init__(self, val: int, left: "TreeNode | None" = None, right: "TreeNode | None" = None) -> None:
        self.val = val
        self.left = left
        self.right = right


NULL = "#"
SEP = ","


def serialize(root: TreeNode | None) -> str:
    """Preorder values with a marker for every missing child, separated by commas."""
    # An explicit stack, not recursion: a chain of a few thousand nodes would hit the recursion limit.
    tokens = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            tokens.append(NULL)  # every missing child is written, so left and right never get confused
            continue
        tokens.append(str(node.val))
        stack.append(node.right)  # pushed first, so the left subtree is written first
        stack.append(node.left)
    return SEP.join(tokens)


def deserialize(data: str) -> TreeNode | None:
    """The tree written by serialize (the empty tree comes back as None)."""
    # Whole tokens between separators, so "-12" is one value, not "-", "1", "2".
    tokens = data.split(SEP)
    if tokens[0] == NULL:
        return None
    root = TreeNode(int(tokens[0]))
    # Nodes still waiting for children, each with a flag saying whether its left child is already placed.
    pending = [[root, False]]
    for tok in tokens[1:]:
        node = None if tok == NULL else TreeNode(int(tok))
        parent = pending[-1]
        if not parent[1]:
            parent[0].left = node
            parent[1] = True
        else:
            parent[0].right = node
            pending.pop()  # both children placed
        if node is not None:
            pending.append([node, False])
    return root
