//! Integration tests: the real app (same factory as `main`) on a temporary database.

mod clinic_handouts;
mod feed;
#[path = "../feed_server/mod.rs"]
mod feed_server;
mod finder;
mod groups;
mod guide;
mod helpers;
mod hostile_input;
mod http;
mod languages;
mod limits;
mod meetings;
mod near;
mod pages;
mod providers;
mod safety;
mod sources;
mod spanish_handouts;
mod staff;
mod staff_accounts;
mod staff_edit;
mod staff_mail;
mod staff_queue;
mod staff_sources;
#[path = "../support/mod.rs"]
mod support;
