-- 0007: each account carries its latest valid password change and its next due date, kept by
-- triggers in the same transaction as the change. Measured (bench, district): the dashboard
-- computed both with a correlated subquery and date arithmetic per account, three times per
-- call (≈ 340 ms); with the columns and an index it reads them (see bench/results.md).
-- next_due = last_changed_on + the system's interval for the account's role, in calendar months
-- clamped to the month's end — the same rule as shared/rotation/rules.ts nextDueDate()
-- (electron/core/rotation/sql.test.ts checks the triggers against it).

ALTER TABLE accounts ADD COLUMN last_changed_on TEXT;
ALTER TABLE accounts ADD COLUMN next_due TEXT;

UPDATE accounts SET last_changed_on =
  (SELECT max(c.changed_on) FROM confirmations c WHERE c.account_id = accounts.id AND c.voided_at IS NULL);
UPDATE accounts SET next_due = (
  SELECT CASE WHEN accounts.last_changed_on IS NULL THEN NULL ELSE
    min(date(accounts.last_changed_on, '+' || m.n || ' months'),
        date(accounts.last_changed_on, 'start of month', '+' || (m.n + 1) || ' months', '-1 day')) END
  FROM (SELECT CASE accounts.role WHEN 'admin' THEN s.admin_interval_months ELSE s.user_interval_months END AS n
        FROM systems s WHERE s.id = accounts.system_id) m);

CREATE INDEX accounts_due ON accounts (status, next_due);

-- The triggers recompute one account at a time: the latest valid change is read from the partial
-- index confirmations_valid, the interval from the account's system.
CREATE TRIGGER confirmations_rotation_insert AFTER INSERT ON confirmations
BEGIN
  UPDATE accounts SET last_changed_on =
    (SELECT max(c.changed_on) FROM confirmations c WHERE c.account_id = NEW.account_id AND c.voided_at IS NULL)
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER confirmations_rotation_void AFTER UPDATE OF voided_at ON confirmations
BEGIN
  UPDATE accounts SET last_changed_on =
    (SELECT max(c.changed_on) FROM confirmations c WHERE c.account_id = NEW.account_id AND c.voided_at IS NULL)
  WHERE id = NEW.account_id;
END;

-- Any change of the last date, the role or the system recomputes next_due (recursive triggers
-- are off: the inner UPDATE of next_due does not fire this again).
CREATE TRIGGER accounts_rotation_due AFTER UPDATE OF last_changed_on, role, system_id ON accounts
BEGIN
  UPDATE accounts SET next_due = (
    SELECT CASE WHEN NEW.last_changed_on IS NULL THEN NULL ELSE
      min(date(NEW.last_changed_on, '+' || m.n || ' months'),
          date(NEW.last_changed_on, 'start of month', '+' || (m.n + 1) || ' months', '-1 day')) END
    FROM (SELECT CASE NEW.role WHEN 'admin' THEN s.admin_interval_months ELSE s.user_interval_months END AS n
          FROM systems s WHERE s.id = NEW.system_id) m)
  WHERE id = NEW.id;
END;

CREATE TRIGGER systems_rotation_interval AFTER UPDATE OF admin_interval_months, user_interval_months ON systems
BEGIN
  UPDATE accounts SET next_due = CASE WHEN last_changed_on IS NULL THEN NULL ELSE
    min(date(last_changed_on, '+' || (CASE role WHEN 'admin' THEN NEW.admin_interval_months ELSE NEW.user_interval_months END) || ' months'),
        date(last_changed_on, 'start of month', '+' || ((CASE role WHEN 'admin' THEN NEW.admin_interval_months ELSE NEW.user_interval_months END) + 1) || ' months', '-1 day')) END
  WHERE system_id = NEW.id;
END;
