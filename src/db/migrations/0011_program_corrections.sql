-- 0011 Corrections of disbursement entries (issue 7). An entry is never edited or deleted: a wrong one
-- is cancelled by a reversing entry of the opposite (negative) amount that names it (reverses_id) and
-- gives the reason; the correct figures, if any, are then entered as a new ordinary entry. Each entry
-- is reversed at most once, a reversing entry never, and the reversal copies the entry's line, unit,
-- payment date and document number, so the disbursed total of an allocation stays between 0 and the
-- allocation on every date.

alter table budget_disbursement drop constraint budget_disbursement_amount_check;
alter table budget_disbursement add column reverses_id bigint;
alter table budget_disbursement add column reason text;
alter table budget_disbursement add constraint budget_disbursement_entry_kind check (
  (reverses_id is null and amount > 0 and reason is null)
  or (reverses_id is not null and amount < 0 and reason is not null and length(trim(reason)) > 0)
);
alter table budget_disbursement add constraint budget_disbursement_reverses_fk
  foreign key (province_code, reverses_id) references budget_disbursement (province_code, id);
create unique index budget_disbursement_reversed_once on budget_disbursement (province_code, reverses_id)
  where reverses_id is not null;

-- A reversing entry must mirror the entry it reverses (which must not itself be a reversal).
create function budget_check_reversal() returns trigger language plpgsql as $$
declare
  orig budget_disbursement%rowtype;
begin
  if new.reverses_id is null then
    return new;
  end if;
  select * into orig from budget_disbursement where province_code = new.province_code and id = new.reverses_id;
  if orig.id is null or orig.reverses_id is not null then
    raise exception 'Bút toán điều chỉnh phải huỷ một khoản giải ngân (không phải một bút toán điều chỉnh khác); khoản % không hợp lệ', new.reverses_id
      using errcode = 'P0001';
  end if;
  if new.amount <> -orig.amount or new.year <> orig.year or new.program_code <> orig.program_code
    or new.node_code <> orig.node_code or new.fund_source <> orig.fund_source or new.unit_code <> orig.unit_code
    or new.paid_on <> orig.paid_on then
    raise exception 'Bút toán điều chỉnh phải huỷ đúng khoản giải ngân % (cùng dòng vốn, đơn vị, ngày và số tiền âm bằng số tiền của khoản đó)', new.reverses_id
      using errcode = 'P0001';
  end if;
  return new;
end;
$$;
create trigger budget_disbursement_reversal before insert on budget_disbursement
  for each row execute function budget_check_reversal();

-- Entries are append-only.
create function budget_disbursement_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'Không sửa hoặc xoá khoản giải ngân đã ghi; hãy lập bút toán điều chỉnh (huỷ khoản sai) rồi ghi lại khoản đúng'
    using errcode = 'P0001';
end;
$$;
create trigger budget_disbursement_no_change before update or delete on budget_disbursement
  for each row execute function budget_disbursement_append_only();

-- The disbursed total of an allocation never falls below 0 (the ceiling is 0009's budget_check_disbursement).
create function budget_check_disbursement_floor() returns trigger language plpgsql as $$
declare
  disbursed numeric;
begin
  select coalesce(sum(amount), 0) into disbursed from budget_disbursement
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source and unit_code = new.unit_code;
  if disbursed < 0 then
    raise exception 'Tổng giải ngân của đơn vị % không được âm (% đồng)', new.unit_code, disbursed
      using errcode = 'P0001';
  end if;
  return null;
end;
$$;
create trigger budget_disbursement_floor after insert on budget_disbursement
  for each row execute function budget_check_disbursement_floor();
