"""Checks a table printed by `rectify list`: headings as expected, and every cell of every row in
its column as a terminal shows it, counting East Asian wide characters as two columns.

usage: python3 check_table.py FILE HEADING... ; prints the number of data rows.
"""
import re
import sys
import unicodedata

# The last line counts the rows: "共 N 条", maybe with a note after it ("共 5 条（4 个用户）").
COUNT_LINE = re.compile(r"^共 (\d+) 条(（[^）]*）)?$")


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(line):
    """The line as a list of terminal cells: each character, then '' for its second column."""
    out = []
    for ch in line:
        out.append(ch)
        out.extend([""] * (width(ch) - 1))
    return out


def main():
    path, headings = sys.argv[1], sys.argv[2:]
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    assert len(lines) >= 3, "too few lines: %r" % lines
    header, rule, rows = lines[0], lines[1], lines[2:]
    assert rows and COUNT_LINE.match(rows[-1]), "no count line: %r" % rows[-1:]
    count_line, rows = rows[-1], rows[:-1]
    assert header.split() == headings, "headings %r, expected %r" % (header.split(), headings)
    assert set(rule) <= {"-", " "}, "second line is not a rule: %r" % rule
    # Column extents from the rule's runs of dashes.
    spans, start = [], None
    for i, ch in enumerate(rule + " "):
        if ch == "-" and start is None:
            start = i
        elif ch != "-" and start is not None:
            spans.append((start, i))
            start = None
    assert len(spans) == len(headings), "rule has %d columns, expected %d" % (len(spans), len(headings))
    for k in range(1, len(spans)):
        assert spans[k][0] == spans[k - 1][1] + 2, "columns not separated by two spaces: %r" % spans
    total = spans[-1][1]
    for line in [header] + rows:
        assert line == line.rstrip(), "trailing spaces: %r" % line
        c = cells(line)
        assert len(c) <= total, "line wider (%d) than the table (%d): %r" % (len(c), total, line)
        c += [" "] * (total - len(c))
        for k, (a, b) in enumerate(spans):
            if k > 0:
                assert c[a - 2] == " " and c[a - 1] == " ", "column %d not aligned in %r" % (k + 1, line)
            cell = "".join(c[a:b]).strip()
            assert cell, "empty cell in column %d of %r" % (k + 1, line)
            assert c[a] != " " or c[b - 1] != " ", "cell %d neither left nor right aligned in %r" % (k + 1, line)
    n = int(COUNT_LINE.match(count_line).group(1))
    assert n == len(rows), "count line says %d, table has %d rows" % (n, len(rows))
    print(len(rows))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("check_table: %s" % e, file=sys.stderr)
        sys.exit(1)
