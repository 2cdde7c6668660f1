-- The management committee of Art. 30: one seat per designating body (DVZ, each regional
-- authority — the German-speaking Community among them, Art. 1 17° — and ONSS), held by a
-- representative with a substitute the same body designates at the same time (§1). Meetings with
-- an agenda, the attendance of each member, the votes on the items to decide (one vote per seat,
-- cast by the representative or, when absent, the substitute) and the minutes.

create table committee_member (
  id uuid primary key,
  body text not null check (body in ('dvz', 'flanders', 'wallonia', 'brussels', 'ostbelgien', 'onss')),
  seat text not null check (seat in ('representative', 'substitute')),
  name text not null,
  user_id uuid references app_user (id),
  designated_on date not null,
  ended_on date,
  designated_by_user_id uuid not null references app_user (id),
  created_at timestamptz not null
);
comment on table committee_member is 'A representative or substitute designated by a body to the management committee (Art. 30 §1)';
comment on column committee_member.body is 'category: none; the designating body the member acts in the name of';
comment on column committee_member.seat is 'category: none; representative, or the substitute who takes the place of an absent representative';
comment on column committee_member.name is 'category: none; the official as designated, published to the other bodies (Art. 30 §1)';
comment on column committee_member.user_id is 'category: none; the account through which the member reads the committee''s pages, if any';
comment on column committee_member.designated_on is 'category: none; from when the mandate runs';
comment on column committee_member.ended_on is 'category: none; the last day of the mandate, set when the body designates someone else';
comment on column committee_member.designated_by_user_id is 'category: none; who recorded the designation for the body';
comment on column committee_member.created_at is 'category: none';
-- One sitting representative and one sitting substitute per body at a time.
create unique index committee_member_sitting_idx on committee_member (body, seat) where ended_on is null;

create table committee_meeting (
  id uuid primary key,
  held_on date not null,
  title text not null,
  urgent boolean not null default false,
  minutes text,
  minutes_closed_at timestamptz,
  created_by_user_id uuid not null references app_user (id),
  created_at timestamptz not null
);
comment on table committee_meeting is 'A meeting of the management committee (Art. 30 §2)';
comment on column committee_meeting.held_on is 'category: none';
comment on column committee_meeting.title is 'category: none';
comment on column committee_meeting.urgent is 'category: none; called earlier than planned because urgency and the platform''s interest require it (Art. 30 §2)';
comment on column committee_meeting.minutes is 'category: none; the minutes as the secretariat wrote them';
comment on column committee_meeting.minutes_closed_at is 'category: none; after this the meeting''s record no longer changes';
comment on column committee_meeting.created_by_user_id is 'category: none';
comment on column committee_meeting.created_at is 'category: none';

create table committee_agenda_item (
  id uuid primary key,
  meeting_id uuid not null references committee_meeting (id),
  position integer not null,
  title text not null,
  kind text not null check (kind in ('information', 'decision')),
  outcome text check (outcome in ('adopted', 'rejected')),
  decided_at timestamptz,
  unique (meeting_id, position)
);
comment on table committee_agenda_item is 'An item on a meeting''s agenda; a decision item is voted on';
comment on column committee_agenda_item.position is 'category: none';
comment on column committee_agenda_item.title is 'category: none';
comment on column committee_agenda_item.kind is 'category: none; information, or decision (voted, Art. 30 §3)';
comment on column committee_agenda_item.outcome is 'category: none; set once when the vote is closed';
comment on column committee_agenda_item.decided_at is 'category: none';

create table committee_attendance (
  meeting_id uuid not null references committee_meeting (id),
  member_id uuid not null references committee_member (id),
  present boolean not null,
  primary key (meeting_id, member_id)
);
comment on table committee_attendance is 'Whether a member attended a meeting';
comment on column committee_attendance.present is 'category: none';

-- The primary key holds the rule that a seat votes once: a representative and their substitute
-- never both.
create table committee_vote (
  item_id uuid not null references committee_agenda_item (id),
  body text not null,
  member_id uuid not null references committee_member (id),
  choice text not null check (choice in ('yes', 'no', 'abstain')),
  recorded_at timestamptz not null,
  primary key (item_id, body)
);
comment on table committee_vote is 'The vote of one seat on a decision item (Art. 30 §3)';
comment on column committee_vote.body is 'category: none; the seat that voted';
comment on column committee_vote.member_id is 'category: none; who cast it: the representative, or the substitute sitting for them';
comment on column committee_vote.choice is 'category: none';
comment on column committee_vote.recorded_at is 'category: none';
