# shellcheck shell=bash
# The RabbitMQ users of Argus and their permissions, in one place (docs/security.md#internal-credentials).
# A library: source it, then call
#
#   argus_rabbitmq_users VHOST [ENGINE...]
#
# which creates (or updates the password and permissions of) these users in the virtual host VHOST:
#   argus-frontend         the frontends
#   argus-brain            the brains
#   argus-probe-<engine>   the probe container(s) of one engine, one user per engine given; such a user may
#                          consume only its own job queue argus.probe.<engine> and publish results only with the
#                          routing key probe.<engine> (a RabbitMQ topic permission on argus.results). It declares
#                          its own queue and binding but never an exchange: the brain declares those.
# Inputs, from the environment:
#   ARGUS_RABBITMQCTL                        the rabbitmqctl command, split on blanks (default "rabbitmqctl"),
#                                            e.g. "rabbitmqctl -n rabbit-fault@host" or a docker exec prefix
#   ARGUS_RABBITMQ_FRONTEND_PASSWORD         password of argus-frontend
#   ARGUS_RABBITMQ_BRAIN_PASSWORD            password of argus-brain
#   ARGUS_RABBITMQ_PROBE_<ENGINE>_PASSWORD   password of argus-probe-<engine>; <ENGINE> is the engine name in
#                                            upper case with '-' as '_', e.g. ARGUS_RABBITMQ_PROBE_CLAMAV_PASSWORD
# A missing password is an error naming its variable. Passwords are never printed (rabbitmqctl's output is
# discarded). Returns non-zero with a message on stderr when a step fails. Users are per node, permissions per vhost:
# calling it for a second vhost sets the same passwords again.

# The engines of the probe module (dev.argus.probe.engine): the users CI and the docker deployment create.
ARGUS_RABBITMQ_ENGINES=(clamav clamscan hashlist icap yara metadata executable remote)

argus_rabbitmq_users() { # vhost engine...
  local vhost="${1:?usage: argus_rabbitmq_users VHOST [ENGINE...]}"
  shift
  local role engine
  for role in frontend brain; do
    _argus_rabbitmq_user "$vhost" "argus-$role" "ARGUS_RABBITMQ_${role^^}_PASSWORD" \
      "$(_argus_rabbitmq_permission "$role" configure)" \
      "$(_argus_rabbitmq_permission "$role" write)" \
      "$(_argus_rabbitmq_permission "$role" read)" || return 1
  done
  for engine in "$@"; do
    if [[ ! "$engine" =~ ^[a-z][a-z0-9_-]{0,63}$ ]]; then
      echo "rabbitmq-users: '$engine' is not an engine name (lower-case letters, digits, '-' and '_')" >&2
      return 1
    fi
    local variable="ARGUS_RABBITMQ_PROBE_$(tr 'a-z-' 'A-Z_' <<<"$engine")_PASSWORD"
    _argus_rabbitmq_user "$vhost" "argus-probe-$engine" "$variable" \
      "^argus\\.probe\\.$engine\$" \
      "^argus\\.(probe\\.$engine|brain|results|dead-letters)\$" \
      "^argus\\.(probe\\.$engine|probes)\$" || return 1
    # Results only under its own name: the brain and the frontends also check it, this makes the broker refuse it.
    _argus_rabbitmqctl set_topic_permissions -p "$vhost" "argus-probe-$engine" argus.results \
      "^probe\\.$engine\$" '^$' >/dev/null \
      || { echo "rabbitmq-users: cannot set the topic permission of argus-probe-$engine in $vhost" >&2; return 1; }
  done
}

# argus_rabbitmq_shared_probe_user VHOST: the user argus-probe (password ARGUS_RABBITMQ_PROBE_PASSWORD) for one probe
# process running several engines, as the end-to-end tests do. It has the rights of every per-engine user at once
# (every job queue, any probe.* results key), so it gives up the separation between engines: tests only, never a
# deployment.
argus_rabbitmq_shared_probe_user() { # vhost
  local vhost="${1:?usage: argus_rabbitmq_shared_probe_user VHOST}"
  _argus_rabbitmq_user "$vhost" argus-probe ARGUS_RABBITMQ_PROBE_PASSWORD \
    '^argus\.probe\.[a-z][a-z0-9_-]*$' \
    '^argus\.(probe\.[a-z][a-z0-9_-]*|brain|results|dead-letters)$' \
    '^argus\.(probe\.[a-z][a-z0-9_-]*|probes)$' || return 1
  _argus_rabbitmqctl set_topic_permissions -p "$vhost" argus-probe argus.results '^probe\.[a-z][a-z0-9_-]*$' '^$' \
    >/dev/null || { echo "rabbitmq-users: cannot set the topic permission of argus-probe in $vhost" >&2; return 1; }
}

# The configure, write and read regexes of the frontend and the brain.
_argus_rabbitmq_permission() { # role kind
  case "$1:$2" in
    frontend:configure) echo '^argus\.(brain|brain\.scans|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    frontend:write) echo '^argus\.(brain|brain\.scans|probes|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    frontend:read) echo '^argus\.(brain|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    brain:configure) echo '^(argus\.(brain|brain\.(scans|probes|results)|probes|results|frontend|frontend\.(results|probes)|dead-letters|parked)|argus\.probe\.[a-z][a-z0-9_-]*)$' ;;
    brain:write) echo '^(argus\.(brain\.(scans|probes|results)|probes|results|frontend|frontend\.(results|probes)|dead-letters|parked)|argus\.probe\.[a-z][a-z0-9_-]*)$' ;;
    brain:read) echo '^argus\.(brain|brain\.(scans|probes|results)|probes|results|frontend|dead-letters)$' ;;
  esac
}

_argus_rabbitmq_user() { # vhost user password-variable configure write read
  local password="${!3:-}"
  if [ -z "$password" ]; then
    echo "rabbitmq-users: $3 is not set (the password of RabbitMQ user $2)" >&2
    return 1
  fi
  _argus_rabbitmqctl add_user "$2" "$password" >/dev/null 2>&1 \
    || _argus_rabbitmqctl change_password "$2" "$password" >/dev/null \
    || { echo "rabbitmq-users: cannot create RabbitMQ user $2" >&2; return 1; }
  _argus_rabbitmqctl set_permissions -p "$1" "$2" "$4" "$5" "$6" >/dev/null \
    || { echo "rabbitmq-users: cannot set the permissions of RabbitMQ user $2 in vhost $1" >&2; return 1; }
}

_argus_rabbitmqctl() {
  local -a command
  read -r -a command <<<"${ARGUS_RABBITMQCTL:-rabbitmqctl}"
  "${command[@]}" -q "$@"
}
