"""Publish on push: the workflows ``kimpress init --ci`` writes parse, say the right things, and their steps build.

The GitHub and GitLab files are parsed as YAML and read like their CI would read them;
then the shell of their check and build steps runs, as written, in a real site made by
``kimpress init``, and the folder their upload step names must hold the built site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import kimpress
from kimpress.cli.main import main, make_parser
from kimpress.cli.workflows import CI_CHOICES, PLACEHOLDER_BASE_URL, WORKFLOW_FILES, workflow_text
from kimpress.incremental.location import cache_dir

BIN = Path(sys.executable).parent  # the virtual environment running the tests: its `kimpress` is this one
GITHUB = ".github/workflows/kimpress.yml"
GITLAB = ".gitlab-ci.yml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def github(text: str | None = None) -> dict:
    return yaml.safe_load(text if text is not None else workflow_text("github"))


def gitlab(text: str | None = None) -> dict:
    return yaml.safe_load(text if text is not None else workflow_text("gitlab"))


def triggers(workflow: dict) -> dict:
    """``on:``, which YAML 1.1 reads as the key True."""
    return workflow["on"] if "on" in workflow else workflow[True]


def step_using(steps: list[dict], action: str) -> tuple[int, dict]:
    found = [(index, step) for index, step in enumerate(steps) if step.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, action
    return found[0]


def step_running(steps: list[dict], command: str) -> tuple[int, dict]:
    found = [(index, step) for index, step in enumerate(steps) if command in step.get("run", "")]
    assert len(found) == 1, command
    return found[0]


def output_option(script: str) -> set[str]:
    """Every folder a script's `kimpress build` lines build into."""
    return set(re.findall(r"kimpress build\b[^\n]*--output (\S+)", script))


# --- The GitHub workflow --------------------------------------------------------------------


def test_github_runs_on_push_to_main_and_by_hand_with_the_rights_pages_needs():
    workflow = github()
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_github_installs_the_running_kimpress_from_one_variable():
    workflow = github()
    assert workflow["env"]["KIMPRESS_PACKAGE"] == f"kimpress=={kimpress.__version__}"
    steps = workflow["jobs"]["build"]["steps"]
    _, install = step_running(steps, "pip install")
    assert install["run"].strip() == 'pip install "$KIMPRESS_PACKAGE"'
    _, python = step_using(steps, "actions/setup-python")
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
    # A site has no requirements file: the pip cache is keyed on the workflow, which names the version.
    assert python["with"]["cache-dependency-path"] == GITHUB
    # The variable is commented for the volunteer, in Indonesian, where it is set.
    text = workflow_text("github")
    before = text[:text.index("  KIMPRESS_PACKAGE:")].splitlines()[-2:]
    assert all(line.strip().startswith("#") for line in before) and "Versi kimpress" in before[0]


def test_github_checks_out_the_whole_history_and_restores_the_cache_and_the_last_output():
    steps = github()["jobs"]["build"]["steps"]
    checkout_at, checkout = step_using(steps, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    cache_at, cache = step_using(steps, "actions/cache")
    paths = cache["with"]["path"].split()
    assert "~/.cache/kimpress" in paths
    _, build = step_running(steps, "kimpress build")
    (output,) = output_option(build["run"])
    assert output in paths
    assert "${{ github.sha }}" in cache["with"]["key"]
    restore = cache["with"]["restore-keys"].strip()
    assert cache["with"]["key"].startswith(restore) and "github.sha" not in restore  # the newest cache comes back
    assert checkout_at < cache_at


def test_github_checks_with_annotations_then_builds_then_uploads_what_it_built():
    steps = github()["jobs"]["build"]["steps"]
    check_at, check = step_running(steps, "kimpress check")
    assert check["run"].strip() == "kimpress check --format github"
    build_at, build = step_running(steps, "kimpress build")
    cache_at, _ = step_using(steps, "actions/cache")
    install_at, _ = step_running(steps, "pip install")
    upload_at, upload = step_using(steps, "actions/upload-pages-artifact")
    assert install_at < cache_at < check_at < build_at < upload_at
    assert output_option(build["run"]) == {upload["with"]["path"]}
    pages_at, pages = step_using(steps, "actions/configure-pages")
    assert pages_at < build_at and pages["id"] == "pages"
    assert build["env"]["PAGES_URL"] == "${{ steps.pages.outputs.base_url }}"


def test_github_deploys_the_artifact_to_pages_after_the_build():
    deploy = github()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    _, step = step_using(deploy["steps"], "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_github_actions_are_pinned_to_a_major_version():
    steps = [step for job in github()["jobs"].values() for step in job["steps"]]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


# --- The GitLab pipeline --------------------------------------------------------------------


def test_gitlab_publishes_public_from_the_default_branch_with_the_whole_history():
    pipeline = gitlab()
    job = pipeline["pages"]
    assert job["image"] == "python:3.11-slim"
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert job["artifacts"]["paths"] == ["public"]
    variables = pipeline["variables"]
    assert variables["GIT_DEPTH"] == "0"
    assert variables["KIMPRESS_PACKAGE"] == f"kimpress=={kimpress.__version__}"
    setup = " ".join(job["before_script"])
    assert "install" in setup and " git" in setup  # the slim image has no git, and redirects need history
    assert 'pip install "$KIMPRESS_PACKAGE"' in job["before_script"]


def test_gitlab_caches_kimpress_memory_and_the_last_output_inside_the_project():
    pipeline = gitlab()
    job = pipeline["pages"]
    paths = [path.rstrip("/") for path in job["cache"]["paths"]]
    assert all(not path.startswith(("/", "~", "..")) for path in paths)  # GitLab caches only inside the project
    assert pipeline["variables"]["XDG_CACHE_HOME"] == "$CI_PROJECT_DIR/.cache" and ".cache" in paths
    script = "\n".join(job["script"])
    assert output_option(script) == {"public"} and "public" in paths
    check_at = next(i for i, line in enumerate(job["script"]) if "kimpress check" in line)
    build_at = next(i for i, line in enumerate(job["script"]) if "kimpress build" in line)
    assert check_at < build_at


# --- init writes them -----------------------------------------------------------------------


def test_the_ci_choices_of_the_parser_are_the_workflows_known():
    init = next(action for action in make_parser()._actions if action.dest == "command").choices["init"]
    ci = next(action for action in init._actions if action.dest == "ci")
    assert tuple(ci.choices) == CI_CHOICES
    assert set(WORKFLOW_FILES) == set(CI_CHOICES) - {"none"}


def test_a_new_site_gets_the_github_workflow_and_a_gitignore(tmp_path, capsys):
    site = tmp_path / "situs"
    code, out, err = run(capsys, "init", str(site))
    assert code == 0 and err == ""
    assert (site / GITHUB).read_text("utf-8") == workflow_text("github")
    assert not (site / GITLAB).exists()
    assert (site / ".gitignore").read_text("utf-8").splitlines() == ["output/", "public/"]
    created = out.partition("\n\n")[0].splitlines()
    assert str(site / GITHUB) in created and str(site / ".gitignore") in created


def test_a_new_site_keeps_its_gitignore_and_adds_only_what_is_missing(tmp_path, capsys):
    site = tmp_path / "situs"
    site.mkdir()
    (site / ".gitignore").write_text("*.swp\noutput\n", "utf-8")
    assert run(capsys, "init", str(site), "--ci", "gitlab")[0] == 0
    assert (site / ".gitignore").read_text("utf-8") == "*.swp\noutput\npublic/\n"
    assert (site / GITLAB).read_text("utf-8") == workflow_text("gitlab")
    assert not (site / ".github").exists()


def test_none_writes_no_workflow(tmp_path, capsys):
    site = tmp_path / "situs"
    assert run(capsys, "init", str(site), "--ci", "none")[0] == 0
    assert (site / "site.yaml").is_file()
    assert not (site / ".github").exists() and not (site / GITLAB).exists()


def files_of(site: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_ci_on_an_existing_site_writes_only_that_workflow(tmp_path, capsys):
    site = tmp_path / "situs"
    assert run(capsys, "init", str(site), "--ci", "none")[0] == 0
    before = files_of(site)
    code, out, err = run(capsys, "init", str(site), "--ci", "gitlab")
    assert code == 0 and err == ""
    after = files_of(site)
    assert set(after) - set(before) == {site / GITLAB}
    assert all(after[path] == data for path, data in before.items())
    assert out.splitlines()[0] == str(site / GITLAB)
    assert "base_url" in out and "site.yaml" in out  # what to do next


def test_ci_none_or_no_ci_on_an_existing_site_is_still_an_existing_site(tmp_path, capsys):
    site = tmp_path / "situs"
    assert run(capsys, "init", str(site), "--ci", "none")[0] == 0
    before = files_of(site)
    for argv in (["init", str(site)], ["init", str(site), "--ci", "none"]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and err.startswith("site.yaml: sudah ada situs di ")
    assert files_of(site) == before


def test_a_second_workflow_never_silently_replaces_the_first(tmp_path, capsys):
    site = tmp_path / "situs"
    assert run(capsys, "init", str(site))[0] == 0
    workflow = site / GITHUB
    workflow.write_text(workflow.read_text("utf-8").replace("[main]", "[master]"), "utf-8")  # the owner's change
    before = files_of(site)
    code, out, err = run(capsys, "init", str(site), "--ci", "github")
    assert code == 1 and out == ""
    assert err.startswith(f"{GITHUB}: berkas alur kerja ini sudah ada; tidak ada yang ditimpa.")
    assert files_of(site) == before
    code, _, err = run(capsys, "init", str(site), "--ci", "github", "--lang", "en")
    assert code == 1 and err.startswith(f"{GITHUB}: this workflow file already exists; nothing was overwritten.")


def test_a_new_site_over_a_workflow_already_there_writes_nothing(tmp_path, capsys):
    site = tmp_path / "situs"
    (site / ".github/workflows").mkdir(parents=True)
    (site / GITHUB).write_text("name: milik saya\n", "utf-8")
    code, _, err = run(capsys, "init", str(site))
    assert code == 1 and err.startswith(f"{GITHUB}: ")
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()) == [GITHUB]


# --- Their steps build the site, as written -------------------------------------------------


def kimpress_available() -> None:
    if shutil.which("kimpress", path=str(BIN)) is None:
        pytest.skip(f"no kimpress command in {BIN}")


def git_repository(site: Path) -> None:
    """Commit the site, as CI checks it out: with its history."""
    if shutil.which("git") is None:
        return
    env = {**os.environ, "GIT_AUTHOR_NAME": "Tim KIM", "GIT_AUTHOR_EMAIL": "kim@contoh.id",
           "GIT_COMMITTER_NAME": "Tim KIM", "GIT_COMMITTER_EMAIL": "kim@contoh.id"}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Situs baru"]):
        subprocess.run(["git", *command], cwd=site, env=env, check=True, capture_output=True, timeout=60)


def shell(script: str, site: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(["bash", "-e", "-c", script], cwd=site, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"
    return done


def clean_environment(**extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in ("XDG_CACHE_HOME", "PYTHONPATH")}
    env.update({"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "LANG": "C.UTF-8", **extra})
    return env


def made_site(tmp_path: Path, capsys, ci: str) -> Path:
    kimpress_available()
    site = tmp_path / "situs"
    assert run(capsys, "init", str(site), "--ci", ci)[0] == 0
    git_repository(site)
    return site


@pytest.mark.slow
def test_the_github_check_and_build_steps_build_what_the_upload_step_publishes(tmp_path, capsys):
    site = made_site(tmp_path, capsys, "github")
    steps = github((site / GITHUB).read_text("utf-8"))["jobs"]["build"]["steps"]
    _, check = step_running(steps, "kimpress check")
    _, build = step_running(steps, "kimpress build")
    _, upload = step_using(steps, "actions/upload-pages-artifact")
    _, cache = step_using(steps, "actions/cache")
    home = tmp_path / "home"  # as on the runner: no XDG_CACHE_HOME, so kimpress remembers in ~/.cache/kimpress
    home.mkdir()
    pages_url = "https://kim-sukamaju.github.io/kabar"  # what configure-pages gives for this repository
    for _ in range(2):  # the second run starts from the restored memory and output, as the next push does
        env = clean_environment(HOME=str(home))
        shell(check["run"], site, env)
        shell(build["run"], site, {**env, "PAGES_URL": pages_url})
        published = site / upload["with"]["path"]
        assert (published / "index.html").is_file()
    # The site still has the example base_url: the build used the Pages address instead.
    assert PLACEHOLDER_BASE_URL in (site / "site.yaml").read_text("utf-8")
    home_page = (published / "index.html").read_text("utf-8")
    assert f"{pages_url}/" in home_page and "contoh.github.io" not in home_page
    # What kimpress remembered is where the cache step looks for it.
    cached = [Path(path.replace("~", str(home), 1)) for path in cache["with"]["path"].split()]
    memory = cache_dir(site, home / ".cache/kimpress")
    assert memory.is_dir() and any(memory.is_relative_to(path) for path in cached)
    assert any(published == site / path for path in cached)


@pytest.mark.slow
def test_the_github_build_step_keeps_a_base_url_the_site_has_set(tmp_path, capsys):
    site = made_site(tmp_path, capsys, "github")
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8").replace(PLACEHOLDER_BASE_URL, "https://kabar.kim-sukamaju.id/"),
                      "utf-8")
    steps = github((site / GITHUB).read_text("utf-8"))["jobs"]["build"]["steps"]
    _, build = step_running(steps, "kimpress build")
    _, upload = step_using(steps, "actions/upload-pages-artifact")
    env = clean_environment(XDG_CACHE_HOME=str(tmp_path / "cache"), PAGES_URL="https://kim-sukamaju.github.io/kabar")
    shell(build["run"], site, env)
    home_page = (site / upload["with"]["path"] / "index.html").read_text("utf-8")
    assert "https://kabar.kim-sukamaju.id/" in home_page and "github.io" not in home_page


@pytest.mark.slow
def test_the_gitlab_check_and_build_lines_build_public_and_remember_inside_the_project(tmp_path, capsys):
    site = made_site(tmp_path, capsys, "gitlab")
    pipeline = gitlab((site / GITLAB).read_text("utf-8"))
    job = pipeline["pages"]
    lines = [line for line in job["script"] if "kimpress check" in line or "kimpress build" in line]
    assert lines == job["script"]
    exports = "".join(f'export {name}="{value}"\n' for name, value in pipeline["variables"].items())
    env = clean_environment(CI_PROJECT_DIR=str(site), HOME=str(tmp_path / "home"))
    for _ in range(2):
        for line in lines:  # the runner runs each line in one shell, stopping at the first that fails
            shell(exports + line, site, env)
        assert (site / job["artifacts"]["paths"][0] / "index.html").is_file()
    memory = cache_dir(site, site / ".cache/kimpress")
    assert memory.is_dir()
    cached = [site / path.rstrip("/") for path in job["cache"]["paths"]]
    assert any(memory.is_relative_to(path) for path in cached)
    assert site / "public" in cached
