-- Runs once, when the postgres container initialises an empty data volume.
-- One database per service: no service reads another's tables.
CREATE DATABASE bangbang_gateway;
CREATE DATABASE bangbang_request;
CREATE DATABASE bangbang_dispatch;
CREATE DATABASE bangbang_merchant;
CREATE DATABASE bangbang_volunteer;
CREATE DATABASE bangbang_rating;
