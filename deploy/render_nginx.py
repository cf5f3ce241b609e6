"""Copy the shipped nginx configuration (deploy/nginx.conf or deploy/nginx-local.conf with nginx/*.conf)
into a folder with the values of one machine put in, so it can run as shipped: `make check-nginx`
(nginx -t on both, with a throwaway certificate) and bench/edge.py use it.

Only these literal values are replaced, and each must be found, so a config edited out of step with
this script fails loudly rather than run with the wrong values:

  127.0.0.1:8000               the app servers (upstream)           -> --upstream
  127.0.0.1:8080               nginx-local.conf's listen address    -> --listen
  /srv/careermap/var/static/   settings.STATIC_ROOT                 -> --static-root
  /var/cache/nginx/careermap   the proxy cache                      -> OUT/cache
  /var/log/nginx/              logs                                 -> OUT/logs/
  /run/nginx.pid               pid file                             -> OUT/nginx.pid
  /tmp/careermap-nginx         nginx-local.conf's runtime folder    -> OUT
  /etc/ssl/careermap/          certificate and key                  -> OUT/ssl/ (a self-signed pair)

    python deploy/render_nginx.py OUT [--variant nginx.conf|nginx-local.conf] [--upstream H:P]
                                      [--listen H:P] [--static-root DIR]
    nginx -t -c OUT/<variant>
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent


def render(
    out: Path,
    *,
    variant: str = "nginx-local.conf",
    upstream: str = "127.0.0.1:8000",
    listen: str = "127.0.0.1:8080",
    static_root: Path = ROOT / "var" / "static",
) -> Path:
    """Write OUT/<variant> and OUT/nginx/*.conf with this machine's values; returns OUT/<variant>."""
    out = out.resolve()
    for folder in (out, out / "nginx", out / "logs", out / "cache", out / "ssl"):
        folder.mkdir(parents=True, exist_ok=True)
    values = {
        "127.0.0.1:8000": upstream,
        "127.0.0.1:8080": listen,
        "/srv/careermap/var/static/": f"{Path(static_root).resolve()}/",
        "/var/cache/nginx/careermap": str(out / "cache"),
        "/var/log/nginx/": f"{out / 'logs'}/",
        "/run/nginx.pid": str(out / "nginx.pid"),
        "/tmp/careermap-nginx": str(out),
        "/etc/ssl/careermap/": f"{out / 'ssl'}/",
    }
    files = [DEPLOY / variant, *sorted((DEPLOY / "nginx").glob("*.conf"))]
    texts = {path: path.read_text() for path in files}
    needed = {"127.0.0.1:8000", "/srv/careermap/var/static/", "/var/cache/nginx/careermap", "/var/log/nginx/"}
    needed |= (
        {"/etc/ssl/careermap/", "/run/nginx.pid"}
        if variant == "nginx.conf"
        else {"/tmp/careermap-nginx", "127.0.0.1:8080"}
    )
    missing = [value for value in sorted(needed) if not any(value in text for text in texts.values())]
    if missing:
        raise SystemExit(f"deploy/render_nginx.py: not found in the shipped config any more: {missing}")
    for path, text in texts.items():
        for old, new in values.items():
            text = text.replace(old, new)
        (out / path.relative_to(DEPLOY)).write_text(text)
    if variant == "nginx.conf" and not (out / "ssl" / "fullchain.pem").exists():
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=careermap.example",
                "-keyout", str(out / "ssl" / "privkey.pem"), "-out", str(out / "ssl" / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
    return out / variant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--variant", default="nginx-local.conf", choices=["nginx.conf", "nginx-local.conf"])
    parser.add_argument("--upstream", default="127.0.0.1:8000")
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "static")
    args = parser.parse_args()
    print(
        render(args.out, variant=args.variant, upstream=args.upstream, listen=args.listen, static_root=args.static_root)
    )


if __name__ == "__main__":
    main()
