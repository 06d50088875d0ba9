import re, sys
def set_eq(path, name, new_eq, new_doc=None):
    s = open(path).read()
    pat = re.compile(r'eq: "' + re.escape(name) + r' = [^"]*"')
    m = list(pat.finditer(s))
    assert len(m) == 1, (path, name, len(m))
    s = s[:m[0].start()] + 'eq: "' + new_eq + '"' + s[m[0].end():]
    if new_doc is not None:
        d = re.compile(r'doc: "[^"]*"').search(s, m[0].start())
        s = s[:d.start()] + 'doc: "' + new_doc.replace('"', "'") + '"' + s[d.end():]
    open(path, 'w').write(s)
