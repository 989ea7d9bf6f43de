//! The semantic interface, served (filled in below).
