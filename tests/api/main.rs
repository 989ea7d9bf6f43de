//! Integration tests: the real app (same factory as `main`) on a temporary database.

mod groups;
mod helpers;
mod meetings;
mod pages;
