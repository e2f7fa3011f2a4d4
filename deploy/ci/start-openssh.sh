#!/usr/bin/env bash
# Starts Debian's OpenSSH sshd on 127.0.0.1:2222 with throwaway host and user keys, for deploy's
# OpenSshTest (which skips itself when this server is not there). Run as root, before `mvn verify`.
# Leaves in $EV3CORTEX_SSHD_DIR (default /tmp/ev3cortex-sshd): user_ed25519 (the client key),
# known_hosts (the server's key for [127.0.0.1]:2222), sshd.pid and sshd.log.
set -euo pipefail
D=${EV3CORTEX_SSHD_DIR:-/tmp/ev3cortex-sshd}
if [ ! -x /usr/sbin/sshd ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q openssh-server
fi
if [ -f "$D/sshd.pid" ] && kill -0 "$(cat "$D/sshd.pid")" 2>/dev/null; then
  kill "$(cat "$D/sshd.pid")"
  sleep 0.5
fi
rm -rf "$D"
mkdir -p "$D" /run/sshd
chmod 700 "$D"
ssh-keygen -q -t ed25519 -N '' -C ev3cortex-test-host -f "$D/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -C ev3cortex-test-user -f "$D/user_ed25519"
cp "$D/user_ed25519.pub" "$D/authorized_keys"
chmod 600 "$D/authorized_keys"
cat > "$D/sshd_config" <<CONF
Port 2222
ListenAddress 127.0.0.1
HostKey $D/host_ed25519
AuthorizedKeysFile $D/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PidFile $D/sshd.pid
Subsystem sftp internal-sftp
CONF
/usr/sbin/sshd -t -f "$D/sshd_config"
/usr/sbin/sshd -f "$D/sshd_config" -E "$D/sshd.log"
echo "[127.0.0.1]:2222 $(cut -d' ' -f1,2 "$D/host_ed25519.pub")" > "$D/known_hosts"
for i in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/2222) 2>/dev/null; then echo "OpenSSH sshd listening on 127.0.0.1:2222 ($D)"; exit 0; fi
  sleep 0.1
done
echo "sshd did not start; see $D/sshd.log" >&2
exit 1
