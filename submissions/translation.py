"""Nothing here is translated: partner names are proper nouns, and submissions
are kept as they were sent. The labels of the choices are in the catalogue."""
