"""Filters that combine, each option with the number of results it gives."""


def facet(options, counts, selected):
    """The options of one filter with their counts, those with no result left out.

    Each count is the number of results the option gives combined with the
    other filters in force, so the counts of a single-valued filter add up to
    the results before that filter is applied.
    """
    return [
        {
            "value": value,
            "label": label,
            "lang": language[0] if language else "",
            "count": counts.get(value, 0),
            "selected": value == selected,
        }
        for value, label, *language in options
        if counts.get(value) or value == selected
    ]
