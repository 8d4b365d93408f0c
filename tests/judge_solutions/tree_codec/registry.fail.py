# expect passed: empty_tree
# expect message: serialize gave the same str twice: expected True, got False
# The hash of the tree object as its "serialisation": round-trips, but two equal trees give different strings.
class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


_SEEN = {}


def serialize(root):
    key = str(id(root))
    _SEEN[key] = root
    return key


def deserialize(data):
    return _SEEN[data]
