-- Runs once, when the postgres container initialises an empty data volume (psql runs it, so
-- \getenv reads the passwords from the container's environment; an unset one fails the init).
-- One database per service, owned by that service's own login role; nobody else may connect
-- (the postgres superuser aside): no service reads another's tables.
\set ON_ERROR_STOP on
\getenv gateway_pw GATEWAY_DB_PASSWORD
\getenv request_pw REQUEST_DB_PASSWORD
\getenv dispatch_pw DISPATCH_DB_PASSWORD
\getenv merchant_pw MERCHANT_DB_PASSWORD
\getenv volunteer_pw VOLUNTEER_DB_PASSWORD
\getenv rating_pw RATING_DB_PASSWORD

CREATE ROLE bangbang_gateway LOGIN PASSWORD :'gateway_pw';
CREATE ROLE bangbang_request LOGIN PASSWORD :'request_pw';
CREATE ROLE bangbang_dispatch LOGIN PASSWORD :'dispatch_pw';
CREATE ROLE bangbang_merchant LOGIN PASSWORD :'merchant_pw';
CREATE ROLE bangbang_volunteer LOGIN PASSWORD :'volunteer_pw';
CREATE ROLE bangbang_rating LOGIN PASSWORD :'rating_pw';

CREATE DATABASE bangbang_gateway OWNER bangbang_gateway;
CREATE DATABASE bangbang_request OWNER bangbang_request;
CREATE DATABASE bangbang_dispatch OWNER bangbang_dispatch;
CREATE DATABASE bangbang_merchant OWNER bangbang_merchant;
CREATE DATABASE bangbang_volunteer OWNER bangbang_volunteer;
CREATE DATABASE bangbang_rating OWNER bangbang_rating;

REVOKE ALL ON DATABASE bangbang_gateway FROM PUBLIC;
REVOKE ALL ON DATABASE bangbang_request FROM PUBLIC;
REVOKE ALL ON DATABASE bangbang_dispatch FROM PUBLIC;
REVOKE ALL ON DATABASE bangbang_merchant FROM PUBLIC;
REVOKE ALL ON DATABASE bangbang_volunteer FROM PUBLIC;
REVOKE ALL ON DATABASE bangbang_rating FROM PUBLIC;
