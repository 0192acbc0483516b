"""Stopping an oversized upload while it arrives, before it is stored whole."""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from accord.documents.safezip import MAX_FILE_BYTES

TOO_LARGE = "accord_upload_too_large"


class LimitedUploadHandler(FileUploadHandler):
    """Counts the bytes of each uploaded file and skips the rest of a file once it passes the
    importers' limit, so it is never kept in memory or on disk; the request is marked, and
    the page says why."""

    limit = MAX_FILE_BYTES

    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)  # type: ignore[arg-type]
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                setattr(self.request, TOO_LARGE, True)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
