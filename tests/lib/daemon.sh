# shellcheck shell=sh
# Daemons a test starts (sourced after tap.sh): on 127.0.0.1 only, on a
# free port, and stopped on every exit path, failure and interrupt included.
#
#   daemon_trap            once, at the top level, before starting any
#   daemon_started PID     each daemon started in the background
#   free_port              prints a TCP port of 127.0.0.1 that nothing holds
#   wait_for_port PORT     waits (10 s at most) until something listens there

daemon_pids=

daemon_trap() {
	trap 'daemon_stop_all' EXIT
	trap 'exit 2' INT TERM HUP
}

daemon_started() {
	daemon_pids="$daemon_pids $1"
}

daemon_stop_all() {
	for _p in $daemon_pids; do kill "$_p" 2>/dev/null; done
	for _p in $daemon_pids; do wait "$_p" 2>/dev/null; done
	daemon_pids=
}

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

wait_for_port() {
	python3 -c 'import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)' "$1"
}
