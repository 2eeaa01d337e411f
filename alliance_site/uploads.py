"""What every upload check shares: signs that a file is more than it claims."""

import re

# Markup that a browser would render or run if the file were ever served as HTML.
ACTIVE_CONTENT = re.compile(
    rb"<\s*(script|html|svg|body|iframe|object|embed|\?php)|<!doctype", re.I
)
