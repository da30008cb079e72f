# shellcheck shell=bash
# The RabbitMQ users of Argus and their permissions, in one place (docs/security.md#internal-credentials).
# A library: source it, then call
#
#   argus_rabbitmq_users VHOST [ENGINE...]
#   argus_rabbitmq_dead_letter_policy VHOST    (for quorum queues, see below; includes the queue limits)
#   argus_rabbitmq_queue_limits VHOST          (queue limits for classic queues, where the above is not set)
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
#   ARGUS_RABBITMQ_MAX_QUEUE_LENGTH          most messages one Argus queue holds (default 100000), see below
# A missing password is an error naming its variable. Passwords are never printed (rabbitmqctl's output is
# discarded). Returns non-zero with a message on stderr when a step fails. Users are per node, permissions per vhost:
# calling it for a second vhost sets the same passwords again.

# The engines of the probe module (dev.argus.probe.engine): the users CI and the docker deployment create.
ARGUS_RABBITMQ_ENGINES=(clamav clamscan hashlist icap yara metadata executable remote extract)

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
      "^argus\\.(probe\\.$engine|registry|results|dead-letters)\$" \
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
    '^argus\.(probe\.[a-z][a-z0-9_-]*|registry|results|dead-letters)$' \
    '^argus\.(probe\.[a-z][a-z0-9_-]*|probes)$' || return 1
  _argus_rabbitmqctl set_topic_permissions -p "$vhost" argus-probe argus.results '^probe\.[a-z][a-z0-9_-]*$' '^$' \
    >/dev/null || { echo "rabbitmq-users: cannot set the topic permission of argus-probe in $vhost" >&2; return 1; }
}

# argus_rabbitmq_dead_letter_policy VHOST: the policy argus-dead-letters, by which the broker dead-letters a message
# of a quorum queue delivered more often than its delivery limit (x-delivery-limit, argus.messaging.delivery-limit)
# to argus.dead-letters, so it ends in argus.parked beside the messages the processes park themselves. At least once:
# the message leaves its queue only once argus.parked has it. It applies to every durable queue of Argus but
# argus.parked (argus.brain.*, argus.frontend.*, argus.probe.*) and must be set before the processes switch to quorum
# queues (docs/operations.md#broker-cluster). A policy, not queue arguments: RabbitMQ allows an
# x-dead-letter-exchange argument only to a user that may read the queue, and the least-privilege users declare
# queues they may not read. With classic queues it changes nothing (Argus never rejects without requeueing).
# Idempotent; a RabbitMQ administrator may replace it with a policy of a higher priority that sets the same keys.
# It also carries the queue length limit (see argus_rabbitmq_queue_limits: a queue takes only one policy), and sets
# the policy argus-queue-limits for the queues it does not match (argus.parked, the live queues).
argus_rabbitmq_dead_letter_policy() { # vhost
  local vhost="${1:?usage: argus_rabbitmq_dead_letter_policy VHOST}" max
  max="$(_argus_rabbitmq_max_queue_length)" || return 1
  _argus_rabbitmqctl set_policy -p "$vhost" --apply-to queues --priority 0 argus-dead-letters \
    '^argus\.(brain|frontend|probe)\.' \
    '{"dead-letter-exchange":"argus.dead-letters","dead-letter-strategy":"at-least-once","overflow":"reject-publish","max-length":'"$max"'}' \
    >/dev/null || { echo "rabbitmq-users: cannot set the policy argus-dead-letters in vhost $vhost" >&2; return 1; }
  _argus_rabbitmq_limit_policy "$vhost" '^argus\.(parked|live\..+)$' "$max"
}

# argus_rabbitmq_queue_limits VHOST: the policy argus-queue-limits on every queue of Argus (^argus\.): at most
# ARGUS_RABBITMQ_MAX_QUEUE_LENGTH messages (default 100000), and past it the broker refuses a new message
# (overflow reject-publish) instead of dropping an old one. Argus publishes with confirms, so a refused message is a
# nack to its publisher: the frontend answers 503 and records nothing; for the brain and the probes it is a failed
# handling of the message they were consuming, which stays on its queue and is tried again (GuardedConsumer). A policy, not queue arguments: changing a declared queue's x-arguments
# makes every later declaration of an existing queue fail (PRECONDITION_FAILED), a policy applies to existing queues
# at once and may be changed at any time. For vhosts without argus_rabbitmq_dead_letter_policy (classic queues);
# with it, call that one, which sets the same limit. Idempotent.
argus_rabbitmq_queue_limits() { # vhost
  local vhost="${1:?usage: argus_rabbitmq_queue_limits VHOST}" max
  max="$(_argus_rabbitmq_max_queue_length)" || return 1
  _argus_rabbitmq_limit_policy "$vhost" '^argus\.' "$max"
}

_argus_rabbitmq_limit_policy() { # vhost pattern max-length
  _argus_rabbitmqctl set_policy -p "$1" --apply-to queues --priority 0 argus-queue-limits "$2" \
    '{"overflow":"reject-publish","max-length":'"$3"'}' \
    >/dev/null || { echo "rabbitmq-users: cannot set the policy argus-queue-limits in vhost $1" >&2; return 1; }
}

_argus_rabbitmq_max_queue_length() {
  local max="${ARGUS_RABBITMQ_MAX_QUEUE_LENGTH:-100000}"
  [[ "$max" =~ ^[1-9][0-9]{0,9}$ ]] \
    || { echo "rabbitmq-users: ARGUS_RABBITMQ_MAX_QUEUE_LENGTH must be a positive number, not '$max'" >&2; return 1; }
  echo "$max"
}

# The configure, write and read regexes of the frontend and the brain.
_argus_rabbitmq_permission() { # role kind
  case "$1:$2" in
    frontend:configure) echo '^argus\.(brain|brain\.scans|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    frontend:write) echo '^argus\.(brain|brain\.scans|probes|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    frontend:read) echo '^argus\.(brain|results|frontend|frontend\.(results|probes)|live|live\.[a-z0-9-]+|dead-letters|parked)$' ;;
    brain:configure) echo '^(argus\.(brain|brain\.(scans|probes|results)|registry|probes|results|frontend|frontend\.(results|probes)|dead-letters|parked)|argus\.probe\.[a-z][a-z0-9_-]*)$' ;;
    brain:write) echo '^(argus\.(brain\.(scans|probes|results)|probes|results|frontend|frontend\.(results|probes)|dead-letters|parked)|argus\.probe\.[a-z][a-z0-9_-]*)$' ;;
    brain:read) echo '^argus\.(brain|brain\.(scans|probes|results)|registry|probes|results|frontend|dead-letters)$' ;;
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
