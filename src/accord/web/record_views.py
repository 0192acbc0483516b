"""The record as anyone may fetch it: the signed log and the key to check it with."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from accord.store import record, signing


def published_log(request: HttpRequest) -> StreamingHttpResponse:
    """The signed event log, for anyone to verify with `accord audit verify` or the lone
    verifier (docs/verification.md)."""
    response = StreamingHttpResponse(record.log_lines(), content_type="application/jsonl")
    response["Content-Disposition"] = 'attachment; filename="accord-log.jsonl"'
    return response


def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(signing.public_pem(), content_type="application/x-pem-file")
