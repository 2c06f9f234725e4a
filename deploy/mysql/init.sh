#!/bin/bash
# MySQL first-start script (docker-entrypoint-initdb.d): one database per service and two users for it:
#   <user>     the application: SELECT, INSERT, UPDATE, DELETE on its own database only (DML)
#   <user>_ddl the Flyway migration (compose: <service>-migrate; Kubernetes: the Job <service>-migrate): all
#              rights on its own database only, used once per release, never by the running service
# Passwords come from the container's environment (.env / the dev overlay's Secrets), never from this file.
# Runs only when the data volume is empty; to change a password later use ALTER USER.
set -euo pipefail

create() { # database user password ddl-password
  local db=$1 user=$2 password=$3 ddl_password=$4
  if [ -z "$password" ] || [ -z "$ddl_password" ]; then echo "init.sh: no password for $user or ${user}_ddl" >&2; exit 1; fi
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password//\'/\'\'}';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${db}\`.* TO '${user}'@'%';
CREATE USER IF NOT EXISTS '${user}_ddl'@'%' IDENTIFIED BY '${ddl_password//\'/\'\'}';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${user}_ddl'@'%';
SQL
  echo "init.sh: database ${db}, users ${user} (DML) and ${user}_ddl (DDL)"
}

create shop_users         users         "${USERS_DB_PASSWORD:-}"         "${USERS_DB_MIGRATION_PASSWORD:-}"
create shop_catalog       catalog       "${CATALOG_DB_PASSWORD:-}"       "${CATALOG_DB_MIGRATION_PASSWORD:-}"
create shop_orders        orders        "${ORDERS_DB_PASSWORD:-}"        "${ORDERS_DB_MIGRATION_PASSWORD:-}"
create shop_notifications notifications "${NOTIFICATIONS_DB_PASSWORD:-}" "${NOTIFICATIONS_DB_MIGRATION_PASSWORD:-}"
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" -e 'FLUSH PRIVILEGES'
