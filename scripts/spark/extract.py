#!/usr/bin/env python3
"""Run `vnmine extract` over an archive with Apache Spark (PySpark 3.5+).

Each Spark task pipes its partition through one `vnmine extract` process (`--jobs 1 --quiet`), so the
annotation is exactly the single-machine one; this script only distributes documents and restores where
each record came from. Output: annotated JSONL part files (`part-00000`, ...) under --output, one record per
input document (errors become error records, as on one machine). Concatenating the part files in name order
gives the records in input order: input files sorted by path, lines (or files) in order.

  --format jsonl  every line of every input file is one document (Spark's text reader; .gz read
                  transparently). Records get `source` = the input file and `line` = the line in that file,
                  as `vnmine extract FILE` would write them (ids missing from the input become FILE:LINE,
                  error messages and byte offsets refer to the file).
  --format text   every input file is one document (read as bytes, so vnmine's encoding detection applies);
                  `id` and `source` are the file's path.

Paths are anything Spark reads (local paths, file:, hdfs:, s3a:, globs, several --input); folders are read
recursively. `file:` paths are written as plain local paths, other URIs as Spark spells them.

The vnmine binary and the models folder are shipped to the executors (SparkContext.addFile / addArchive)
unless --no-ship says they are already installed at the same paths on every node.

Exit status: 0 all documents annotated, 2 some documents became error records, 1 failure (a vnmine process
that crashes fails its task, and the job, with its stderr), 3 extraction succeeded but --index failed.

  spark-submit --master 'local[*]' scripts/spark/extract.py --input news.jsonl.gz --output out/news-annotated \\
      --vnmine .build-static/release/vnmine --models models
"""

import argparse
import bisect
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from urllib.parse import unquote, urlparse

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODELS_ARCHIVE = "vnmine-models.tgz"
STDERR_TAIL = 60  # lines of a failing vnmine's stderr put into the task error


# --------------------------------------------------------------------------------------------------------
# Helpers shared by driver and executors (cloudpickle ships them with the task closures).

def display_path(uri, encoded=False):
    """`file:/a/b.txt` -> `/a/b.txt`; other URIs unchanged. `encoded`: percent-decode first (Spark SQL's
    `_metadata.file_path` is URL-encoded, `binaryFiles` paths are not)."""
    if encoded:
        uri = unquote(uri)
    if uri.startswith("file:"):
        rest = uri[5:]
        if rest.startswith("//"):  # file:///path or file://host/path
            rest = rest[2:]
            rest = rest[rest.find("/"):] if "/" in rest else "/"
        return rest
    return uri


def json_string(s):
    """A JSON string literal exactly as vnmine's JSONWriter writes it (UTF-8 kept, controls escaped)."""
    out = bytearray(b'"')
    for b in s.encode("utf-8", "surrogateescape"):
        if b == 0x22:
            out += b'\\"'
        elif b == 0x5C:
            out += b'\\\\'
        elif b == 0x0A:
            out += b'\\n'
        elif b == 0x0D:
            out += b'\\r'
        elif b == 0x09:
            out += b'\\t'
        elif b < 0x20 or b == 0x7F:
            out += b'\\u00%02x' % b
        else:
            out.append(b)
    out += b'"'
    return bytes(out)


_JSTR = rb'"(?:[^"\\]|\\.)*"'
STDIN_HEAD = re.compile(rb'\{"schema":"vnmine/1","id":(' + _JSTR + rb'),"source":"<stdin>","line":(\d+),')
FILE_HEAD = re.compile(rb'\{"schema":"vnmine/1","id":(' + _JSTR + rb'),"source":(' + _JSTR + rb'),')
STDIN_ERROR = re.compile(rb'"error":\{"kind":"([^"]*)","message":"(.*)","line":(\d+|null),"byte":(\d+|null)\}\}\Z',
                         re.S)
ERROR_START = re.compile(rb'(?:"line":\d+,)?"error":\{')
UTF8_AT_BYTE = re.compile(rb'invalid UTF-8 at byte (\d+)\Z')


class VnmineFailed(RuntimeError):
    pass


def resolve_tools(cfg):
    """The vnmine binary and models folder on this node (executor or driver)."""
    if not cfg["ship"]:
        return cfg["vnmine"], cfg["models"]
    from pyspark import SparkFiles
    binary = SparkFiles.get(cfg["vnmine_name"])
    if not os.access(binary, os.X_OK):
        try:
            os.chmod(binary, 0o755)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(prefix="vnmine-bin-"), "vnmine")
            shutil.copy(binary, copy)
            os.chmod(copy, 0o755)
            binary = copy
    models = SparkFiles.get(cfg["models_name"])
    if not os.path.exists(os.path.join(models, "VERSION")):
        inner = [os.path.join(models, d) for d in sorted(os.listdir(models))] if os.path.isdir(models) else []
        inner = [d for d in inner if os.path.exists(os.path.join(d, "VERSION"))]
        if not inner:
            raise VnmineFailed(f"shipped models archive {cfg['models_name']} has no VERSION file (at {models})")
        models = inner[0]
    return binary, models


def extract_command(cfg, binary, models, fmt):
    cmd = [binary, "extract", "--jobs", str(cfg["jobs"]), "--quiet", "--input-format", fmt]
    if models:
        cmd += ["--models", models]
    if fmt == "jsonl":
        cmd += ["--text-field", cfg["text_field"], "--id-field", cfg["id_field"]]
    if cfg["title_first_line"]:
        cmd.append("--title-first-line")
    cmd += cfg["extra"]
    return cmd


def stderr_tail(path):
    try:
        with open(path, "rb") as f:
            lines = f.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return "(stderr not available)"
    tail = lines[-STDERR_TAIL:]
    return "\n".join(tail) if tail else "(stderr empty)"


def describe_exit(rc):
    if rc < 0:
        import signal
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit status {rc}"


class Vnmine:
    """One `vnmine extract` process fed from a thread; stdout is read by the caller (no pipe deadlock)."""

    def __init__(self, cmd, cwd=None):
        self.cmd = cmd
        self.errdir = tempfile.mkdtemp(prefix="vnmine-task-")
        self.errpath = os.path.join(self.errdir, "stderr")
        self.err = open(self.errpath, "wb")
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err,
                                         cwd=cwd, bufsize=1 << 20)
        except OSError as e:
            self.err.close()
            raise VnmineFailed(f"cannot start {cmd[0]}: {e}") from e
        self.feed_error = None
        self.thread = None

    def feed(self, chunks):
        def run():
            try:
                for c in chunks:
                    self.proc.stdin.write(c)
            except BrokenPipeError:
                pass  # vnmine died; reported from its exit status
            except BaseException as e:  # noqa: BLE001 - re-raised in finish()
                self.feed_error = e
            finally:
                try:
                    self.proc.stdin.close()
                except OSError:
                    pass
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def records(self):
        for raw in self.proc.stdout:
            yield raw[:-1] if raw.endswith(b"\n") else raw

    def finish(self, emitted, expected, what):
        """Waits for vnmine; raises (failing the Spark task) unless it exited 0 or 2 with every record."""
        self.proc.stdout.close()
        rc = self.proc.wait()
        if self.thread:
            self.thread.join()
        self.err.close()
        try:
            if self.feed_error is not None:
                raise VnmineFailed(f"feeding vnmine failed: {self.feed_error!r}")
            if rc not in (0, 2):
                raise VnmineFailed(
                    f"vnmine failed ({describe_exit(rc)}) after {emitted} of {expected} records of {what}\n"
                    f"command: {' '.join(self.cmd)}\n--- vnmine stderr (last lines) ---\n{stderr_tail(self.errpath)}")
            if emitted != expected:
                raise VnmineFailed(
                    f"vnmine wrote {emitted} records for {expected} documents of {what} ({describe_exit(rc)}); "
                    f"refusing to drop documents\n--- vnmine stderr ---\n{stderr_tail(self.errpath)}")
        finally:
            shutil.rmtree(self.errdir, ignore_errors=True)

    def kill(self):
        """Stops vnmine when the task is abandoned or fails on our side (bad output)."""
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.stdout.close()
            self.proc.wait()
        except OSError:
            pass
        if self.thread:
            self.thread.join()
        self.err.close()
        shutil.rmtree(self.errdir, ignore_errors=True)


def _chain(first, rest):
    yield first
    yield from rest


def _blank(raw):
    """vnmine skips blank JSONL lines (only spaces and tabs, after a final CR) without writing a record."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return not raw.strip(b" \t")


def fix_stdin_error(rest, k, path, line, byte, fed_offset):
    """Makes an error record read on stdin refer to the input file: the message's location (`<stdin>:K: ` or
    `<stdin>:K (byte N): `), the line and the byte offsets (which count from the start of the file)."""
    m = STDIN_ERROR.match(rest)
    if not m:
        return rest
    kind, msg, eline, ebyte = m.groups()

    def in_file(b):
        return b"%d" % (byte + int(b) - fed_offset)

    if ebyte != b"null":
        ebyte = in_file(ebyte)
        msg = UTF8_AT_BYTE.sub(b"invalid UTF-8 at byte " + ebyte, msg)
    loc = re.match(rb"<stdin>:%d(?: \(byte (\d+)\))?: " % k, msg)
    if loc:
        where = json_string(f"{path}:{line}")[1:-1]
        if loc.group(1) is not None:
            where += b" (byte " + in_file(loc.group(1)) + b")"
        msg = where + b": " + msg[loc.end():]
    if eline == b"%d" % k:
        eline = b"%d" % line
    return (b'"error":{"kind":"' + kind + b'","message":"' + msg + b'","line":' + eline + b',"byte":' + ebyte +
            b'}}')


def jsonl_partition(cfg, files_bc, counters):
    """mapPartitions body: rows (g, (file_index, line, byte, raw_line)) sorted by g -> annotated records."""

    def run(rows):
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return
        files = files_bc.value
        binary, models = resolve_tools(cfg)
        vn = Vnmine(extract_command(cfg, binary, models, "jsonl"))
        fed = []  # per line fed: (file_index, line, byte offset in the file, byte offset in vnmine's stdin)
        blank = [0]

        def chunks():
            offset = 0
            for _, (fi, line, byte, raw) in _chain(first, rows):
                fed.append((fi, line, byte, offset))
                offset += len(raw) + 1
                if _blank(raw):
                    blank[0] += 1
                yield raw + b"\n"

        vn.feed(chunks())
        emitted = errors = last = 0
        ok = False
        try:
            for rec in vn.records():
                m = STDIN_HEAD.match(rec)
                if not m:
                    raise VnmineFailed(f"unexpected vnmine output (not a vnmine/1 record read on stdin): {rec[:200]!r}")
                k = int(m.group(2))
                if k <= last or k > len(fed):
                    raise VnmineFailed(f"vnmine record for input line {k} out of order (previous {last}, fed {len(fed)})")
                last = k
                fi, line, byte, off = fed[k - 1]
                path = files[fi]
                ident = m.group(1)
                if ident == b'"<stdin>:%d"' % k:  # no id in the input: vnmine's fallback id, made FILE:LINE
                    ident = json_string(f"{path}:{line}")
                rest = rec[m.end():]
                if ERROR_START.match(rest):
                    errors += 1
                    rest = fix_stdin_error(rest, k, path, line, byte, off)
                emitted += 1
                yield (b'{"schema":"vnmine/1","id":' + ident + b',"source":' + json_string(path) +
                       b',"line":%d,' % line + rest)
            ok = True
        finally:
            if not ok:
                vn.kill()
        vn.finish(emitted, len(fed) - blank[0], f"a partition of {len(fed)} lines from {files[first[1][0]]}")
        counters[0].add(emitted)
        counters[1].add(errors)

    return run


def text_partition(cfg, counters):
    """mapPartitions body: rows (uri, bytes) sorted by uri -> one annotated record per file."""

    def run(rows):
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return
        binary, models = resolve_tools(cfg)
        tmp = tempfile.mkdtemp(prefix="vnmine-text-")
        try:
            order = []
            for n, (uri, content) in enumerate(_chain(first, rows)):
                with open(os.path.join(tmp, "%09d.txt" % n), "wb") as f:
                    f.write(content)
                order.append(display_path(uri))
            vn = Vnmine(extract_command(cfg, binary, models, "text") + [tmp])
            vn.feed(iter(()))
            emitted = errors = 0
            ok = False
            try:
                for rec in vn.records():
                    m = FILE_HEAD.match(rec)
                    if emitted >= len(order):
                        raise VnmineFailed("vnmine wrote more records than files")
                    local = json_string(os.path.join(tmp, "%09d.txt" % emitted))
                    if not m or m.group(2) != local:
                        raise VnmineFailed(f"unexpected vnmine output for {local.decode()}: {rec[:200]!r}")
                    path = json_string(order[emitted])
                    ident = path if m.group(1) == local else m.group(1)
                    rest = rec[m.end():]
                    if ERROR_START.match(rest):
                        errors += 1
                        rest = rest.replace(local[1:-1], path[1:-1])
                    emitted += 1
                    yield b'{"schema":"vnmine/1","id":' + ident + b',"source":' + path + b',' + rest
                ok = True
            finally:
                if not ok:
                    vn.kill()
            vn.finish(emitted, len(order), f"a partition of {len(order)} files from {order[0]}")
            counters[0].add(emitted)
            counters[1].add(errors)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return run


# --------------------------------------------------------------------------------------------------------
# Driver.

def fail(msg, code=1):
    print(f"vnmine-spark: error: {msg}", file=sys.stderr)
    sys.exit(code)


def is_uri(p):
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", p))


def default_vnmine():
    for c in (os.environ.get("VNMINE"), os.path.join(REPO, ".build-static", "release", "vnmine"),
              os.path.join(REPO, ".build", "release", "vnmine"), shutil.which("vnmine")):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def default_models(binary):
    here = os.path.dirname(os.path.realpath(binary)) if binary and not is_uri(binary) else None
    cands = [os.path.join(here, "models"), os.path.join(here, "..", "share", "vnmine", "models")] if here else []
    cands.append(os.path.join(REPO, "models"))
    for c in cands:
        if os.path.exists(os.path.join(c, "VERSION")):
            return os.path.abspath(c)
    return None


def warn_if_dynamic_swift(binary):
    if is_uri(binary) or not shutil.which("ldd"):
        return
    try:
        out = subprocess.run(["ldd", binary], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return
    if "libswiftCore" in out:
        print(f"vnmine-spark: warning: {binary} links the Swift runtime dynamically; executors without a Swift "
              "toolchain cannot run it (build with: swift build -c release --static-swift-stdlib)", file=sys.stderr)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    p.add_argument("--input", action="append", required=True, metavar="PATH",
                   help="file, folder or glob Spark can read (repeatable)")
    p.add_argument("--output", required=True, metavar="DIR", help="output folder for annotated JSONL part files")
    p.add_argument("--format", choices=["jsonl", "text"], default="jsonl",
                   help="jsonl: one document per line (default); text: one document per file")
    p.add_argument("--vnmine", metavar="PATH", help="the vnmine binary (default: .build-static/release/vnmine, "
                   ".build/release/vnmine or vnmine on PATH); a URI is fine when shipping")
    p.add_argument("--models", metavar="DIR", help="models folder, or a .tgz/.tar.gz/.zip of it (default: found "
                   "next to the binary or in the repository)")
    p.add_argument("--no-ship", dest="ship", action="store_false",
                   help="do not ship: --vnmine (and --models, if given) are paths present on every node")
    p.add_argument("--master", help="Spark master, e.g. 'local[2]' (default: spark-submit's, else local[*])")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark setting")
    p.add_argument("--partitions", type=int, help="extraction tasks (default: max(default parallelism, "
                   "input size / --partition-mb))")
    p.add_argument("--partition-mb", type=int, default=64, help="input MB per task for the default (64)")
    p.add_argument("--jobs", type=int, help="vnmine --jobs per task (default: spark.task.cpus, i.e. 1)")
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--title-first-line", action="store_true", help="passed to vnmine extract")
    p.add_argument("--vnmine-arg", action="append", default=[], metavar="ARG",
                   help="extra argument for vnmine extract, e.g. --vnmine-arg=--tone-style=modern (repeatable)")
    p.add_argument("--compress", action="store_true", help="gzip the part files (part-00000.gz, ...)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --output folder")
    p.add_argument("--index", metavar="DB", help="then run `vnmine index --db DB` over the part files "
                   "(on the driver; --output must be local)")
    a = p.parse_args(argv)
    if a.partitions is not None and a.partitions < 1:
        p.error("--partitions must be at least 1")
    return a


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.time()
    if args.master and args.master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    if not args.ship and not args.vnmine:
        fail("--no-ship needs --vnmine PATH (the binary's path on every node)")
    vnmine = args.vnmine or default_vnmine()
    if not vnmine:
        fail("no vnmine binary: pass --vnmine PATH (build: swift build -c release --static-swift-stdlib)")
    models = args.models
    if args.ship:
        if not is_uri(vnmine) and not (os.path.isfile(vnmine) and os.access(vnmine, os.X_OK)):
            fail(f"{vnmine}: not an executable file")
        models = models or default_models(vnmine)
        if not models:
            fail("no models folder found: pass --models DIR")
        if not is_uri(models) and not os.path.exists(models):
            fail(f"{models}: no such file or folder")
        if not is_uri(models) and os.path.isdir(models) and not os.path.exists(os.path.join(models, "VERSION")):
            fail(f"{models}: not a models folder (no VERSION)")
        warn_if_dynamic_swift(vnmine)

    from pyspark import __version__ as pyspark_version
    from pyspark.sql import SparkSession

    if tuple(int(x) for x in re.findall(r"\d+", pyspark_version)[:2]) < (3, 5):
        fail(f"PySpark {pyspark_version} is too old: need 3.5 or later (for _metadata.file_block_start)")
    builder = SparkSession.builder.appName("vnmine-extract")
    if args.master:
        builder = builder.master(args.master)
    if not sys.stderr.isatty() and not any(kv.startswith("spark.ui.showConsoleProgress=") for kv in args.conf):
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    for kv in args.conf:
        k, sep, v = kv.partition("=")
        if not sep:
            fail(f"--conf {kv}: expected KEY=VALUE")
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    jvm = sc._jvm
    hconf = sc._jsc.hadoopConfiguration()

    out_path = jvm.org.apache.hadoop.fs.Path(args.output)
    out_fs = out_path.getFileSystem(hconf)
    if out_fs.exists(out_path):
        if not args.overwrite:
            fail(f"{args.output} exists (pass --overwrite to replace it)")
        out_fs.delete(out_path, True)

    workdir = tempfile.mkdtemp(prefix="vnmine-spark-driver-")
    cfg = {"ship": args.ship, "vnmine": vnmine, "models": models, "text_field": args.text_field,
           "id_field": args.id_field, "title_first_line": args.title_first_line, "extra": list(args.vnmine_arg),
           "jobs": args.jobs or int(sc.getConf().get("spark.task.cpus", "1"))}
    if args.ship:
        sc.addFile(vnmine)
        cfg["vnmine_name"] = os.path.basename(urlparse(vnmine).path if is_uri(vnmine) else vnmine)
        if is_uri(models) or os.path.isfile(models):
            sc.addArchive(models)
            cfg["models_name"] = os.path.basename(urlparse(models).path if is_uri(models) else models)
        else:
            archive = os.path.join(workdir, MODELS_ARCHIVE)
            with tarfile.open(archive, "w:gz") as t:
                t.add(models, arcname="models")
            sc.addArchive(archive)
            cfg["models_name"] = MODELS_ARCHIVE

    counters = (sc.accumulator(0), sc.accumulator(0))
    t_plan = time.time()
    try:
        result, total, uris, splits = plan(args, spark, sc, hconf, cfg, counters)
    except Exception as e:  # noqa: BLE001 - e.g. an input path that does not exist
        fail(f"cannot read the input: {str(e).splitlines()[0] if str(e) else e!r}")
    parts = result.getNumPartitions()
    if total == 0:
        print("vnmine-spark: warning: no input documents", file=sys.stderr)
    codec = "org.apache.hadoop.io.compress.GzipCodec" if args.compress else None
    t_run = time.time()
    try:
        result.saveAsTextFile(args.output, compressionCodecClass=codec)
    except Exception as e:  # noqa: BLE001 - a failed task (vnmine crash) ends here
        msg = str(e)
        cause = re.search(r"VnmineFailed: (.*?)(?:\n\tat |\Z)", msg, re.S)
        try:
            if out_fs.exists(out_path):
                out_fs.delete(out_path, True)  # a failed job's attempt files are of no use
        except Exception:  # noqa: BLE001
            pass
        fail("extraction failed" + (f": {cause.group(1).strip()}" if cause else f":\n{msg[-4000:]}"))
    done = time.time()
    records, errors = counters[0].value, counters[1].value
    what = (f"{total} lines in {len(uris)} files ({len(splits)} splits)" if args.format == "jsonl"
            else f"{records} files")
    print(f"vnmine-spark: {records} records ({errors} error records) from {what}, "
          f"{parts} partitions; {done - started:.1f} s (listing {t_run - t_plan:.1f} s, extraction "
          f"{done - t_run:.1f} s) -> {args.output}", file=sys.stderr)

    status = 2 if errors else 0
    if args.index:
        status = run_index(args, cfg, sc, jvm, hconf, out_path, out_fs) or status
    spark.stop()
    shutil.rmtree(workdir, ignore_errors=True)
    return status


def plan(args, spark, sc, hconf, cfg, counters):
    """The RDD of annotated records (not yet run), the number of input lines/files, and the input file URIs."""
    from pyspark.sql import functions as F
    if args.format == "jsonl":
        df = (spark.read.option("lineSep", "\n").option("recursiveFileLookup", "true").text(args.input)
              .select(F.col("value").cast("binary").alias("v"), F.col("_metadata.file_path").alias("f"),
                      F.col("_metadata.file_block_start").alias("b")))
        # Pass 1: lines and bytes per file split, to number lines within each file.
        splits = sorted(((r["f"], r["b"], r["n"], r["bytes"]) for r in
                         df.groupBy("f", "b").agg(F.count(F.lit(1)).alias("n"),
                                                  F.sum(F.octet_length("v") + 1).alias("bytes")).collect()),
                        key=lambda s: (display_path(s[0], encoded=True), s[1]))
        uris = sorted({s[0] for s in splits}, key=lambda u: display_path(u, encoded=True))
        findex = {u: i for i, u in enumerate(uris)}
        table, g, prev, line0, byte0 = {}, 0, None, 0, 0
        for f, b, n, nbytes in splits:
            if f != prev:
                prev, line0, byte0 = f, 0, 0
            table[(f, b)] = (g, line0, byte0, findex[f])
            g, line0, byte0 = g + n, line0 + n, byte0 + nbytes
        total, total_bytes = g, sum(s[3] for s in splits)
        table_bc = sc.broadcast(table)

        def assign(rows):
            t, state = table_bc.value, {}
            for v, f, b in rows:
                st = state.get((f, b))
                if st is None:
                    st = state[(f, b)] = list(t[(f, b)])
                yield st[0], (st[3], st[1] + 1, st[2], bytes(v))
                st[0] += 1
                st[1] += 1
                st[2] += len(v) + 1

        files_bc = sc.broadcast([display_path(u, encoded=True) for u in uris])
        parts = partition_count(args, sc, total_bytes, total)
        n = max(total, 1)
        result = (df.rdd.mapPartitions(assign)
                  .repartitionAndSortWithinPartitions(parts, partitionFunc=lambda k: k * parts // n)
                  .mapPartitions(jsonl_partition(cfg, files_bc, counters)))
    else:
        # Listing (Spark's parallel file index; it leaves out empty files) only sizes and bounds the ranges;
        # the documents come from binaryFiles, which keeps empty files (vnmine writes an `empty` record).
        listing = sorted((r["path"], r["length"]) for r in
                         spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(args.input)
                         .select("path", "length").collect())
        total, total_bytes = len(listing), sum(x[1] for x in listing)
        parts = partition_count(args, sc, total_bytes, total)
        bounds, acc, k = [], 0, 1
        for path, length in listing:
            acc += length
            while k < parts and acc >= k * total_bytes / parts:
                bounds.append(path)
                k += 1
        hconf.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        docs = sc.union([sc.binaryFiles(p) for p in args.input])
        uris, splits = [x[0] for x in listing], None
        result = (docs.repartitionAndSortWithinPartitions(parts, partitionFunc=lambda u: bisect.bisect_left(bounds, u))
                  .mapPartitions(text_partition(cfg, counters)))

    return result, total, uris, splits


def partition_count(args, sc, total_bytes, total):
    parts = args.partitions or max(sc.defaultParallelism, -(-total_bytes // (args.partition_mb << 20)))
    return max(1, min(parts, total))


def run_index(args, cfg, sc, jvm, hconf, out_path, out_fs):
    qualified = out_fs.makeQualified(out_path).toString()
    if not qualified.startswith("file:"):
        print(f"vnmine-spark: --index needs a local --output; {qualified} is not local. Copy the part files and "
              "run `vnmine index --db DB part-*` yourself.", file=sys.stderr)
        return 3
    folder = display_path(qualified)
    parts = sorted(os.path.join(folder, p) for p in os.listdir(folder) if p.startswith("part-"))
    if cfg["ship"] and not is_uri(cfg["vnmine"]):
        binary, models = cfg["vnmine"], cfg["models"] if os.path.isdir(cfg["models"]) else None
        if models is None:
            binary, models = resolve_tools(cfg)
    else:
        binary, models = resolve_tools(cfg)
    cmd = [binary, "index", "--db", args.index] + (["--models", models] if models else []) + parts
    t0 = time.time()
    try:
        rc = subprocess.call(cmd)
    except OSError as e:
        rc, why = 1, str(e)
    else:
        why = describe_exit(rc)
    if rc != 0:
        print(f"vnmine-spark: INDEX FAILED ({why}): {' '.join(cmd[:4])} ... ({len(parts)} part files). The annotated "
              f"part files in {folder} are complete; fix the index command and rerun it on them.", file=sys.stderr)
        return 3
    print(f"vnmine-spark: indexed {len(parts)} part files into {args.index} in {time.time() - t0:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
