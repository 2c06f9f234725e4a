#!/bin/bash
# MySQL first-start script (docker-entrypoint-initdb.d): one database and one user per service, each user with
# rights on its own database only. Passwords come from the container's environment (.env), never from this file.
# Runs only when the data volume is empty; to change a password later use ALTER USER.
set -euo pipefail

create() { # database user password
  local db=$1 user=$2 password=$3
  if [ -z "$password" ]; then echo "init.sh: no password for $user" >&2; exit 1; fi
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password//\'/\'\'}';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${user}'@'%';
SQL
  echo "init.sh: database ${db} for user ${user}"
}

create shop_users         users         "${USERS_DB_PASSWORD:-}"
create shop_catalog       catalog       "${CATALOG_DB_PASSWORD:-}"
create shop_orders        orders        "${ORDERS_DB_PASSWORD:-}"
create shop_notifications notifications "${NOTIFICATIONS_DB_PASSWORD:-}"
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" -e 'FLUSH PRIVILEGES'
