"""The record as anyone may fetch it: the signed log and the key to check it with."""

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accord.store import models, record, signing, tree


def published_log(request: HttpRequest) -> StreamingHttpResponse:
    """The signed event log, for anyone to verify with `accord audit verify` or the lone
    verifier (docs/verification.md)."""
    response = StreamingHttpResponse(record.log_lines(), content_type="application/jsonl")
    response["Content-Disposition"] = 'attachment; filename="accord-log.jsonl"'
    return response


def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(signing.public_pem(), content_type="application/x-pem-file")


def checkpoints(request: HttpRequest) -> HttpResponse:
    """The newest signed checkpoints of the Merkle tree over the events, with the witnesses
    that co-signed each, for anyone to keep and to hold the instance to later
    (docs/verification.md)."""
    rows = list(models.Checkpoint.objects.order_by("-id")[:50])
    cosigners: dict[int, list[str]] = {}
    for checkpoint, name in models.Cosignature.objects.filter(checkpoint__in=rows).values_list(
        "checkpoint_id", "witness__name"
    ):
        cosigners.setdefault(checkpoint, []).append(name)
    signed = [(tree.checkpoint_value(row), cosigners.get(row.pk, [])) for row in rows]
    context = {"checkpoints": signed, "keys": signing.key_history().as_json()["keys"]}
    return render(request, "accord/checkpoints.html", context)


def receipt(request: HttpRequest, seq: int) -> JsonResponse:
    """The receipt of event ``seq``, to download and keep: the lone verifier checks it with the
    public key alone (docs/verification.md)."""
    event = get_object_or_404(models.Event, seq=seq)
    response = JsonResponse(tree.receipt(event, timezone.now()).as_json())
    response["Content-Disposition"] = f'attachment; filename="accord-receipt-{seq}.json"'
    return response
