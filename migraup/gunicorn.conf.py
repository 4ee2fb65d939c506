"""gunicorn for `make serve` (README, "Running in production"); every value from the
environment."""

import multiprocessing
import os

bind = os.environ.get(
    "BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# Two workers per core plus one, as gunicorn recommends; threads let a worker wait on the
# database for one request while it answers another.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# No keep-alive by default: a kept connection stays with the worker that accepted it, and
# when wrk's (or a proxy's) connections landed mostly on one worker, that worker served
# them alone: a static file ran at 3,900 or 10,500 requests/s by chance, where closing
# after each answer balances every request over the workers: 6,300 every time, p99 6.5 ms
# (2 workers, 2 cores, wrk -c16). Cached pages lose 13% by it (1,490 against 1,700/s).
# A proxy on the same machine reconnects at next to no cost.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
# A threaded worker accepts every connection it can (worker_connections, 1,000 by default)
# and queues them for its threads, even while the other worker is idle: the queued ones
# made the tail. Taking a connection only when a thread is free leaves the rest in the
# kernel's queue for whichever worker is free first, as sync workers do: static file p99
# 8.8-11.1 ms against 13.8-18.7 ms, cached pages' p99 halved, throughput the same (2
# workers, 2 threads, wrk -c16). A client that connects and sends nothing now holds up
# only its own worker's threads. Kept-alive connections count too, so with keep-alive on
# gunicorn's default stays.
worker_connections = int(
    os.environ.get("GUNICORN_WORKER_CONNECTIONS", threads if keepalive == 0 else 1000)
)
# Workers are not recycled by default: each replacement closes its keep-alive connections
# and showed as a p99 spike (177 ms against 6 ms, bench/compare.sh) whenever a worker
# reached its count mid-run, every 20,000 requests under a static-file load. No leak has
# been seen: under 6,000 mixed requests (pages in six languages, searches, cache off) a
# worker grew from 178.5 to 179.4 MB once warm. GUNICORN_MAX_REQUESTS turns recycling on
# should one appear.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# The site logs one structured line per request itself (the request log).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# X-Forwarded-Proto and -For are believed only from these proxies (the README's set-up).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Load the application once and fork it: faster start, shared memory.
preload_app = True
