-- An identification run that would end more than this share (in per cent) of a municipality's open
-- registrations is refused unless confirmed: a truncated extract must not empty the register.
INSERT INTO settings (key, value) VALUES ('large_change_percent', '10');
