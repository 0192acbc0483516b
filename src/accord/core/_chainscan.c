/* The hot loop of verifying an accord event log, in C.
 *
 * `accord.core.eventlog` verifies a log by walking it line by line: for every event line it
 * hashes the previous event's hash and the rest of the line, and compares the hex digest with
 * the hash the line starts with. `scan` does exactly that walk over a buffer, and hands back to
 * Python at the first line that is not a matching event line (a signature line, the end of the
 * log, or something wrong), which Python then reads. It is an optional accelerator: the pure
 * Python `eventlog._scan` gives the same answers, and is what a standalone copy of eventlog.py
 * uses.
 *
 *     scan(data, position, expected) -> (position, expected, events)
 *
 * ``data`` is any buffer holding log lines, ``position`` the offset of the first line to read,
 * ``expected`` the 64 hex digits of the hash before it. The result gives the offset of the
 * first line not taken, the hash of the last event taken, and how many events were taken.
 */
#define PY_SSIZE_T_CLEAN
/* OpenSSL 3 deprecates its SHA256_* functions in favour of EVP, but EVP's per-digest setup
 * costs a third of the time of hashing a whole event line; the old functions run the same
 * SHA-256 code without it. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <Python.h>
#include <string.h>
#include <openssl/sha.h>

#define HEX_LENGTH 64

static const char HEX_DIGITS[] = "0123456789abcdef";

static void
to_hex(const unsigned char *digest, unsigned char *hex)
{
    for (int i = 0; i < HEX_LENGTH / 2; i++) {
        hex[2 * i] = HEX_DIGITS[digest[i] >> 4];
        hex[2 * i + 1] = HEX_DIGITS[digest[i] & 15];
    }
}

/* Walk event lines from data[position], while each one's hash follows from the one before. */
static int
walk(const unsigned char *data, Py_ssize_t size, Py_ssize_t *position,
     unsigned char *expected, Py_ssize_t *events)
{
    unsigned char digest[SHA256_DIGEST_LENGTH], hex[HEX_LENGTH];
    SHA256_CTX context;
    Py_ssize_t at = *position;
    while (at < size) {
        const unsigned char *line = data + at;
        const unsigned char *newline = memchr(line, '\n', (size_t)(size - at));
        Py_ssize_t length = newline ? newline - line + 1 : size - at;
        if (length <= HEX_LENGTH)
            break;
        if (!SHA256_Init(&context)
            || !SHA256_Update(&context, expected, HEX_LENGTH)
            || !SHA256_Update(&context, line + HEX_LENGTH, (size_t)(length - HEX_LENGTH))
            || !SHA256_Final(digest, &context))
            return -1;
        to_hex(digest, hex);
        if (memcmp(hex, line, HEX_LENGTH) != 0)
            break;
        memcpy(expected, hex, HEX_LENGTH);
        at += length;
        (*events)++;
    }
    *position = at;
    return 0;
}

static PyObject *
scan(PyObject *module, PyObject *args)
{
    Py_buffer data, previous;
    Py_ssize_t position, events = 0;
    unsigned char expected[HEX_LENGTH];
    if (!PyArg_ParseTuple(args, "y*ny*", &data, &position, &previous))
        return NULL;
    PyObject *result = NULL;
    if (previous.len != HEX_LENGTH) {
        PyErr_SetString(PyExc_ValueError, "the expected hash must be 64 hex digits");
        goto done;
    }
    if (position < 0 || position > data.len) {
        PyErr_SetString(PyExc_ValueError, "the position lies outside the data");
        goto done;
    }
    memcpy(expected, previous.buf, HEX_LENGTH);
    int failed;
    Py_BEGIN_ALLOW_THREADS
    failed = walk(data.buf, data.len, &position, expected, &events);
    Py_END_ALLOW_THREADS
    if (failed)
        PyErr_SetString(PyExc_RuntimeError, "OpenSSL could not compute a SHA-256 hash");
    else
        result = Py_BuildValue("ny#n", position, (const char *)expected,
                               (Py_ssize_t)HEX_LENGTH, events);
done:
    PyBuffer_Release(&data);
    PyBuffer_Release(&previous);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(data, position, expected) -> (position, expected, events)\n\n"
     "Take event lines from data[position] while each one's hash follows from the one before."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {
    PyModuleDef_HEAD_INIT, "accord.core._chainscan",
    "The hot loop of verifying an event log, in C.", -1, methods,
};

PyMODINIT_FUNC
PyInit__chainscan(void)
{
    return PyModule_Create(&definition);
}
