"""A build on several cores writes exactly the bytes of a build on one, and says exactly the same."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from conftest import article, write_files

from kimpress.pipeline.build import Builder, BuildOptions, build
from kimpress.pipeline.parallel import parallel_map, worker_count

KELURAHAN = ["loktuan", "guntung", "satimpo", "berbas-tengah"]


def _corpus(root: Path, count: int = 160) -> Path:
    """A site big enough for two workers: links between articles, one to a future article, tags, photos."""
    files = {"site.yaml": "title: Kabar Uji\nbase_url: https://kim.example.id/kabar/\nlanguage: id\n"
                          "timezone: Asia/Makassar\n"}
    for index in range(count):
        kel = KELURAHAN[index % len(KELURAHAN)]
        day = 1 + index % 28
        body = (f"Warga RT {index:02d} bekerja bakti.\n\n## Hasil\n\n- parit dibersihkan\n- sampah diangkut\n\n"
                f"| hari | jumlah |\n| --- | --- |\n| Senin | {index} |\n")
        if index:
            previous = KELURAHAN[(index - 1) % len(KELURAHAN)]
            body += f"\nBaca juga [kabar sebelumnya](../{previous}/kabar-{index - 1}.md).\n"
        if index % 10 == 0:
            body += "\nLihat [agenda depan](../loktuan/agenda-depan.md) dan ![foto](foto.png)\n"
        files[f"content/{kel}/kabar-{index}.md"] = article(
            f"Kabar Warga {index}", date=f"2019-{1 + index % 12:02d}-{day:02d} 09:{index % 60:02d}",
            body=body, tags=[f"topik-{index % 7}", "kerja-bakti"])
    for kel in KELURAHAN:
        files[f"content/{kel}/foto.png"] = b"\x89PNG\r\n\x1a\n" + kel.encode()
    files["content/loktuan/agenda-depan.md"] = article("Agenda Depan", date="2099-01-01 08:00")
    write_files(root, files)
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def test_the_corpus_is_big_enough_for_two_workers() -> None:
    assert worker_count(2, 160) == 2 and worker_count(2, 600) == 2
    assert worker_count(1, 600) == 1 and worker_count(2, 10) == 1


def test_two_workers_write_the_bytes_one_writes(tmp_path: Path) -> None:
    site = _corpus(tmp_path / "site")
    serial = build(site, BuildOptions(output_dir=str(tmp_path / "one"), jobs=1))
    parallel = build(site, BuildOptions(output_dir=str(tmp_path / "two"), jobs=2))
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(one) > 300
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert serial.warnings == parallel.warnings
    linked = [d for d in parallel.warnings if d.code == "link-to-unpublished"]
    assert len(linked) == 16  # every article that links to the future one, once each, never twice
    assert serial.rendered == parallel.rendered


def test_a_parallel_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    site = _corpus(tmp_path / "site")
    builder = Builder(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=2))
    builder.build()
    path = site / "content/guntung/kabar-1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("bekerja bakti", "gotong royong"), encoding="utf-8")
    again = builder.build(changed=[path])
    assert "/guntung/kabar-1/" in again.rendered
    assert len(again.rendered) < 60
    assert "gotong royong" in (tmp_path / "out/guntung/kabar-1/index.html").read_text(encoding="utf-8")
    fresh = build(site, BuildOptions(output_dir=str(tmp_path / "fresh"), jobs=1))
    assert _files(tmp_path / "out").keys() - {".kimpress-manifest.json"} == \
        _files(tmp_path / "fresh").keys() - {".kimpress-manifest.json"}
    assert fresh.warnings == again.warnings


def test_results_come_back_in_input_order_and_errors_are_raised_here() -> None:
    squares = parallel_map(lambda index: index * index, 200, 2)
    assert squares == [index * index for index in range(200)]

    def failing(index: int) -> int:
        if index == 150:
            raise ValueError("butir 150")
        return index

    with pytest.raises(ValueError, match="butir 150"):
        parallel_map(failing, 200, 2)


def test_work_is_spread_over_processes_only_while_no_other_thread_runs() -> None:
    """``serve`` rebuilds beside its HTTP and watcher threads: forking there could hang, so it stays here."""
    def pid_of(_: int) -> int:
        return os.getpid()

    alone = set(parallel_map(pid_of, 200, 2, per_worker=1))
    assert alone and os.getpid() not in alone  # done by forked workers
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert set(parallel_map(pid_of, 200, 2, per_worker=1)) == {os.getpid()}
    finally:
        stop.set()
        other.join()
