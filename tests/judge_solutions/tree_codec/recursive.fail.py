# expect failed: deep_chain
# expect message: RecursionError: maximum recursion depth exceeded
# A recursive preorder codec: right for every small tree, a RecursionError on the 3000-deep chain.
class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def serialize(root):
    if root is None:
        return "#"
    return f"{root.val},{serialize(root.left)},{serialize(root.right)}"


def deserialize(data):
    tokens = iter(data.split(","))

    def build():
        tok = next(tokens)
        if tok == "#":
            return None
        return TreeNode(int(tok), build(), build())

    return build()
