"""Reviews at scale: how fast a learner's queue is built and an answer recorded, in the process and
over HTTP under load, beside a bare Flask endpoint served the same way in the same run.

    python -m bench.reviews                      # 1,000 learners x 3,000 cards, SQLite
    python -m bench.reviews --database postgresql+psycopg://postgres@127.0.0.1:5432/test
    python -m bench.reviews --quick              # 100 x 1,000 and a short load run: under a minute

1. A fresh database (a temporary SQLite file, or a throw-away schema on the PostgreSQL server),
   filled with learners whose cards are spread as a real deck is: some new, some in learning, most in
   review, due from days ago to months ahead, with a history of answers.
2. In the process: services.queue() for many learners (the review page's 20 cards and the day's
   counts) and services.record_review() for one due card each: p50 and p95 in ms.
3. Over HTTP: gunicorn serves the app; 50 learners log in, then
   - at a learner's pace: each of the 50 answers a due card every second (a quick learner; most take
     several), from its own thread: the p95 an answer takes is what a learner feels;
   - flat out: wrk keeps 50 connections sending answers to /practice/sync (a due card's answer with
     a new review id each) as fast as the server takes them; then the same learners posting to a
     signed-in route of our app that does nothing (bench/floor_app.py: what every answer pays before
     any review work: session, CSRF, loading the learner); then the same wrk against the smallest
     Flask app under the same gunicorn settings. Requests/s of all three, and p95 at saturation.

Needs gunicorn (requirements.txt) and wrk (Debian package wrk). The last line printed is
`reviews: queue p95 X ms, answer p95 Y ms, Z % of bare throughput (db)`.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from app import create_app
from app.extensions import db
from app.models import Card, ContentItem, User
from app.practice import services
from config import Config, database_url

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSWORD = "bench password 1"
KINDS = ("meaning", "listening", "spelling")


class BenchConfig(Config):
    TESTING = True          # in this process only: no production checks; gunicorn runs as production
    AUDIO = False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# --- the database ------------------------------------------------------------------------------

@contextmanager
def database(url: str | None):
    """A fresh database URL; removed afterwards."""
    if not url:
        folder = Path(tempfile.mkdtemp(prefix="kk-bench-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite'}", "sqlite"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    server = database_url(url, url)
    schema = f"kk_bench_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in server else "?"
    try:
        yield f"{server}{sep}options={quote(f'-csearch_path={schema}')}", "postgresql"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def fill(app, learners: int, cards: int, now: datetime, rng: random.Random) -> None:
    """Learners, content for their cards, cards spread like a real deck, and some history."""
    items = cards // len(KINDS)
    password_hash = generate_password_hash(PASSWORD)
    with app.app_context():
        db.create_all()
        conn = db.session.connection()
        conn.execute(sa.insert(ContentItem.__table__), [
            {"id": f"bench.v.{n}", "kind": "vocab", "level": "N5", "lesson_id": "bench.l01", "position": n,
             "headword": f"語{n}", "reading": f"ご{n}", "search_text": "", "content_hash": "x", "created_at": now,
             "updated_at": now, "data": {"word": f"語{n}", "reading": f"ご{n}", "pos": "noun", "en": [f"word {n}"],
                                         "ur": [f"لفظ {n}"]}} for n in range(items)])
        conn.execute(sa.insert(User.__table__), [
            {"email": f"learner{n}@bench.test", "name": f"Learner {n}", "password_hash": password_hash,
             "role": "student", "ui_locale": "en", "timezone": "Asia/Karachi", "goal": "N5", "daily_goal_minutes": 15,
             "desired_retention": 0.9, "new_cards_per_day": 20, "created_at": now,
             "session_token": secrets.token_hex(16)} for n in range(learners)])
        db.session.commit()
        user_ids = db.session.scalars(sa.select(User.id).order_by(User.id)).all()
        columns = ("user_id", "item_id", "kind", "lesson_id", "position", "state", "step", "stability",
                   "difficulty", "due_at", "last_review_at", "reps", "lapses", "fails", "created_at")
        rows = (row for user_id in user_ids for row in _cards(user_id, items, now, rng))
        _bulk_insert(db.session.connection(), "card", columns, rows)
        db.session.commit()
        # the planner's statistics, as autovacuum (PostgreSQL) or an operator (SQLite) keeps them in
        # production; right after a bulk load they are empty and plans are bad
        db.session.execute(sa.text("ANALYZE"))
        db.session.commit()


def _cards(user_id: int, items: int, now: datetime, rng: random.Random):
    for n in range(items):
        for k, kind in enumerate(KINDS):
            roll = rng.random()
            created = now - timedelta(days=rng.randint(1, 400))
            if roll < 0.10:                                   # new
                yield (user_id, f"bench.v.{n}", kind, "bench.l01", n * 3 + k, 0, None, None, None, created,
                       None, 0, 0, 0, created)
            elif roll < 0.15:                                 # learning, due within the hour
                due = now + timedelta(minutes=rng.randint(-60, 60))
                yield (user_id, f"bench.v.{n}", kind, "bench.l01", n * 3 + k, 1, 1, 1.5, 5.0, due,
                       due - timedelta(minutes=10), 1, 0, rng.randint(0, 2), created)
            else:                                             # review, due from days ago to months ahead
                stability = rng.uniform(2, 120)
                due = now + timedelta(days=rng.uniform(-5, stability))
                yield (user_id, f"bench.v.{n}", kind, "bench.l01", n * 3 + k, 2, None, stability,
                       rng.uniform(3, 8), due, due - timedelta(days=stability), rng.randint(2, 15),
                       rng.randint(0, 2), rng.randint(0, 4), created)


def _bulk_insert(conn, table: str, columns: tuple[str, ...], rows) -> None:
    raw = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    batch = []
    for row in rows:
        # as SQLAlchemy stores a DateTime in SQLite: naive UTC text with microseconds, so it sorts right
        batch.append(tuple(v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v
                           for v in row))
        if len(batch) == 20_000:
            raw.executemany(sql, batch)
            batch.clear()
    if batch:
        raw.executemany(sql, batch)


# --- in the process ------------------------------------------------------------------------------

def in_process(app, samples: int, now: datetime, rng: random.Random) -> tuple[list[float], list[float]]:
    queue_ms, answer_ms = [], []
    with app.app_context():
        ids = db.session.scalars(sa.select(User.id)).all()
        for user_id in rng.sample(ids, min(samples, len(ids))):
            user = db.session.get(User, user_id)
            started = time.perf_counter()
            queue = services.queue(user, now, limit=20)
            queue_ms.append((time.perf_counter() - started) * 1000)
            card = queue.next
            started = time.perf_counter()
            services.record_review(user=user, card_id=card.id, rating=rng.choice((1, 3, 3, 3, 4)),
                                   client_review_id=secrets.token_hex(8), now=now)
            answer_ms.append((time.perf_counter() - started) * 1000)
            db.session.expire_all()
    return queue_ms, answer_ms


# --- over HTTP ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(app_path: str, env: dict, workers: int):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                                "--log-level", "warning", app_path], cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + ("/healthz" if app_path == "wsgi:app" else "/"), timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError(f"gunicorn did not start {app_path}")
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def log_in(base: str, email: str) -> tuple[str, str]:
    """(Cookie header, CSRF token) of a learner logged in through the log-in page."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": PASSWORD}).encode()
    opener.open(base + "/login", data=data)
    page = opener.open(base + "/practice/review").read().decode()
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    return "; ".join(f"{c.name}={c.value}" for c in jar), csrf


def wrk(base: str, script: Path, seconds: int, connections: int, env: dict | None = None,
        path: str = "/") -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), base + path],
                         capture_output=True, text=True, env={**os.environ, **(env or {})}, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("KK "))
    figures = dict(part.split("=") for part in line.split()[1:])
    return {key: float(value) for key, value in figures.items()}


def at_learners_pace(base: str, users: list[tuple[str, str, list[int]]], seconds: int) -> list[float]:
    """Each learner answers one due card a second, in its own thread; the time each answer takes, ms."""
    timings: list[float] = []
    lock = threading.Lock()

    def learner(n: int, cookie: str, csrf: str, cards: list[int]) -> None:
        deadline = time.perf_counter() + seconds
        time.sleep(n / len(users))                          # spread the learners over the second
        i = 0
        while time.perf_counter() < deadline:
            body = json.dumps({"answers": [{"card_id": cards[i % len(cards)], "review_id": f"p{n}-{i}",
                                            "answer": "x", "elapsed_ms": 4000}]}).encode()
            request = urllib.request.Request(base + "/practice/sync", data=body, headers={
                "Content-Type": "application/json", "Accept": "application/json", "Cookie": cookie,
                "X-CSRFToken": csrf})
            started = time.perf_counter()
            with urllib.request.urlopen(request) as response:
                response.read()
            took = time.perf_counter() - started
            with lock:
                timings.append(took * 1000)
            i += 1
            time.sleep(max(0.0, 1.0 - took))

    threads = [threading.Thread(target=learner, args=(n, *user)) for n, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def over_http(url: str, learners: int, seconds: int, connections: int,
              now: datetime) -> tuple[list[float], dict, dict, dict, int]:
    env = {"KAKEHASHI_ENV": "production", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": url, "AUDIO": "0",
           "SESSION_COOKIE_SECURE": "0", "LOGIN_LIMIT_PER_IP": "100000 per minute",
           "LOGIN_LIMIT_PER_ACCOUNT": "100000 per minute"}
    workers = 2 * (os.cpu_count() or 1) + 1
    app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=url)
    users_file = Path(tempfile.mkstemp(prefix="kk-wrk-", suffix=".tsv")[1])
    try:
        with gunicorn("wsgi:app", env, workers) as base:
            with app.app_context():
                chosen = db.session.scalars(sa.select(User).order_by(User.id).limit(min(connections, learners))).all()
                users = []
                for user in chosen:
                    cookie, csrf = log_in(base, user.email)
                    due = [c.id for c in services.queue(user, datetime.now(UTC), limit=400).due]
                    users.append((cookie, csrf, due))
                before = db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("review_log")))
            paced = at_learners_pace(base, [(c, t, due[:40]) for c, t, due in users], seconds)
            lines = [f"{cookie}\t{csrf}\t{','.join(map(str, due[40:]))}" for cookie, csrf, due in users]
            users_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
            answers = wrk(base, HERE / "reviews.wrk.lua", seconds, connections, {"KK_USERS": str(users_file)},
                          path="/practice/sync")
            with app.app_context():
                after = db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("review_log")))
        with gunicorn("bench.floor_app:app", env, workers) as base:     # the same learners, signed in
            floor = wrk(base, HERE / "reviews.wrk.lua", seconds, connections, {"KK_USERS": str(users_file)},
                        path="/bench/noop")
        with gunicorn("bench.bare_app:app", {}, workers) as base:
            bare = wrk(base, HERE / "bare.wrk.lua", seconds, connections)
    finally:
        users_file.unlink(missing_ok=True)
    return paced, answers, floor, bare, after - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="a PostgreSQL server URL (default: a temporary SQLite file)")
    parser.add_argument("--quick", action="store_true", help="100 learners x 1,000 cards, 5 s of load")
    parser.add_argument("--learners", type=int)
    parser.add_argument("--cards", type=int, help="cards per learner")
    parser.add_argument("--seconds", type=int, help="length of each load run")
    parser.add_argument("--connections", type=int, default=50, help="concurrent learners over HTTP")
    args = parser.parse_args(argv)
    learners = args.learners or (100 if args.quick else 1000)
    cards = args.cards or (1000 if args.quick else 3000)
    seconds = args.seconds or (5 if args.quick else 20)
    if shutil.which("wrk") is None:
        print("bench.reviews needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    rng = random.Random(2026)
    now = datetime.now(UTC)
    with database(args.database) as (url, name):
        app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=url)
        started = time.perf_counter()
        fill(app, learners, cards, now, rng)
        with app.app_context():
            total = db.session.scalar(sa.select(sa.func.count(Card.id)))
        print(f"{name}: {learners:,} learners x {cards:,} cards = {total:,} cards, "
              f"filled in {time.perf_counter() - started:.0f} s")
        queue_ms, answer_ms = in_process(app, 100 if args.quick else 300, now, rng)
        print(f"in process: queue p50 {statistics.median(queue_ms):.1f} ms  p95 {percentile(queue_ms, 95):.1f} ms; "
              f"record_review p50 {statistics.median(answer_ms):.1f} ms  p95 {percentile(answer_ms, 95):.1f} ms")
        with app.app_context():
            db.engine.dispose()
        paced, answers, floor, bare, recorded = over_http(url, learners, seconds, args.connections, now)
        answers_rps, bare_rps = answers["requests"] / answers["seconds"], bare["requests"] / bare["seconds"]
        print(f"HTTP, {args.connections} learners each answering once a second: {len(paced):,} answers, "
              f"p50 {statistics.median(paced):.1f} ms, p95 {percentile(paced, 95):.1f} ms")
        print(f"HTTP, {args.connections} connections answering flat out: {answers_rps:,.0f} answers/s, "
              f"p50 {answers['p50_ms']:.1f} ms, p95 {answers['p95_ms']:.1f} ms, errors {answers['errors']:.0f}, "
              f"{recorded:,} answers recorded")
        floor_rps = floor["requests"] / floor["seconds"]
        print(f"HTTP, the same learners posting to a signed-in route that does nothing: {floor_rps:,.0f} requests/s "
              f"({100 * floor_rps / bare_rps:.0f} % of bare), errors {floor['errors']:.0f}; answers are "
              f"{100 * answers_rps / floor_rps:.0f} % of it")
        print(f"HTTP, bare Flask endpoint: {bare_rps:,.0f} requests/s, p50 {bare['p50_ms']:.1f} ms, "
              f"p95 {bare['p95_ms']:.1f} ms")
        share = 100 * answers_rps / bare_rps
        print(f"reviews: queue p95 {percentile(queue_ms, 95):.1f} ms, answer p95 {percentile(paced, 95):.1f} ms, "
              f"{share:.0f} % of bare throughput ({name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
