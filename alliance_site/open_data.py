"""Open data: public records as CSV and JSON, at addresses without a language prefix.

Every file is UTF-8 and in English (country names, the order of the rows), with
stable column names that README.md documents. The CSV starts with a byte order
mark so that spreadsheet programs read its accents right, and is streamed row by
row: its size does not weigh on the server's memory.
"""

import csv
import json
from decimal import Decimal

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import translation
from django.views import View


class OpenDataView(View):
    """Subclasses give `filename`, `columns`, `get_queryset()` and `get_row(obj, number)`."""

    filename = ""
    columns = []

    def get_queryset(self):
        raise NotImplementedError

    def get_row(self, obj, number):
        raise NotImplementedError

    def rows(self):
        with translation.override("en"):
            queryset = self.get_queryset()
            for number, obj in enumerate(queryset.iterator(chunk_size=1000), start=1):
                yield self.get_row(obj, number)


class Echo:
    """A file-like object that hands back what is written to it, for csv.writer."""

    def write(self, value):
        return value


class CsvExportView(OpenDataView):
    def get(self, request, *args, **kwargs):
        writer = csv.DictWriter(Echo(), fieldnames=self.columns, lineterminator="\r\n")

        def lines():
            yield "\ufeff" + writer.writeheader()
            for row in self.rows():
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.csv"'
        return response


class OpenDataEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


class JsonExportView(OpenDataView):
    def get(self, request, *args, **kwargs):
        return JsonResponse(
            list(self.rows()),
            safe=False,
            encoder=OpenDataEncoder,
            json_dumps_params={"ensure_ascii": False, "indent": 1},
        )
