"""Demo content of the resources app: none yet.

The Resources page links every document it lists, and the sources (shared/seeds,
shared/spec) give neither a file nor an address for any adopted text, brochure
or translation: staff add them, with their files or links, in the admin.
"""


def load(stdout):
    stdout.write("Documents: none in the sources.")
