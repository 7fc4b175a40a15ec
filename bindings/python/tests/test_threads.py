"""One model queried from many Python threads (the library releases the GIL during calls and
keeps each thread's last error apart)."""
import threading

import pbp


def test_many_threads_query_one_model(small):
    questions = [
        lambda: small.decides("fn", "p1"),
        lambda: small.authority("fn", "p1", "200000"),
        lambda: small.trace("provider", "2023/24"),
        lambda: small.coterminosity("place", "local_authority"),
        lambda: small.fair_shares("1000", "place"),
        lambda: small.designation(),
    ]
    expected = [q() for q in questions]
    problems = []

    def work(t):
        try:
            for r in range(30):
                for i, q in enumerate(questions):
                    if q() != expected[i]:
                        problems.append("thread %d: answer %d differs" % (t, i))
                try:
                    small.accountability("nobody-%d" % t)
                    problems.append("thread %d: no error" % t)
                except pbp.PbpError as e:
                    if "nobody-%d" % t not in e.message or e.code != pbp.ERR_NOT_FOUND:
                        problems.append("thread %d got another thread's error: %s" % (t, e.message))
        except Exception as e:  # pragma: no cover - reported below
            problems.append("thread %d: %r" % (t, e))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert problems == []
