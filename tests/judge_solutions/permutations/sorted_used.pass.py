# Sorted characters, skip an equal neighbour whose copy is not in use.
def unique_permutations(s):
    chars = sorted(s)
    used = [False] * len(chars)
    out, path = [], []

    def go():
        if len(path) == len(chars):
            out.append("".join(path))
            return
        for i, c in enumerate(chars):
            if used[i] or (i > 0 and c == chars[i - 1] and not used[i - 1]):
                continue
            used[i] = True
            path.append(c)
            go()
            path.pop()
            used[i] = False

    go()
    return out
