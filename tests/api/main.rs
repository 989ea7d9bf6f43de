//! Integration tests: the real app (same factory as `main`) on a temporary database.

mod feed;
mod finder;
mod groups;
mod guide;
mod helpers;
mod http;
mod languages;
mod meetings;
mod pages;
mod providers;
mod sources;
mod spanish_handouts;
mod staff;
mod staff_accounts;
