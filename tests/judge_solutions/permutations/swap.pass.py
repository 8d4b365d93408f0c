# The classic swap method with a per-level set of characters already tried.
def unique_permutations(s):
    chars, out = list(s), []

    def go(i):
        if i == len(chars):
            out.append("".join(chars))
            return
        tried = set()
        for j in range(i, len(chars)):
            if chars[j] in tried:
                continue
            tried.add(chars[j])
            chars[i], chars[j] = chars[j], chars[i]
            go(i + 1)
            chars[i], chars[j] = chars[j], chars[i]

    go(0)
    return out
