"""Structured logs: one JSON object a line, each carrying the id of the request it was
written for. Light on purpose: the logging configuration imports it before Django's apps are
ready."""

import logging
from contextvars import ContextVar
from datetime import UTC, datetime

import orjson

# The id of the request being answered ("-" outside a request); `RequestIds` sets it.
REQUEST_ID: ContextVar[str] = ContextVar("accord_request_id", default="-")

# What a record may carry beside its message (the request log's fields).
FIELDS = ("method", "path", "view", "status", "duration_ms", "client")


class RequestIdFilter(logging.Filter):
    """Notes on each record the id of the request it was written for, as it is written (a
    handler may format it later, outside the request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message, request id, the
    request log's fields when present, and the traceback of an error."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", REQUEST_ID.get()),
        }
        for name in FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()
