import { ADMIN_ROLES, inScope, Principal } from '@bangbang/auth';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, HttpRequestLike } from '../access';
import { poolAccount, volunteerAccount } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { activityPoints } from '../points/points-rules';
import { Volunteer } from '../registration/volunteer.entity';
import { Team, TeamMember } from '../teams/team.entity';
import { ActivityDto, AttendanceDto } from './activity.dto';
import { Activity, ActivitySignup } from './activity.entity';
import { assertCheckIn, assertCheckOut, AttendanceRefused, servedMinutes } from './attendance';

const CLOCK_SKEW_MS = 60_000;

export class SignedUp {
  activityId: string;
  volunteerId: string;
  signedUpAt: Date;
  placesLeft: number;
}

export class CheckedIn {
  activityId: string;
  volunteerId: string;
  checkedInAt: Date;
}

/** Hours served and the points they earned. */
export class CheckedOut extends CheckedIn {
  checkedOutAt: Date;
  minutes: number;
  points: number;
}

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async create(m: EntityManager, p: Principal, dto: ActivityDto): Promise<Activity> {
    if (!inScope(p, dto.unitPath)) throw new NotFoundException('unit not found');
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw new BadRequestException('endsAt must be after startsAt');
    if (dto.teamId) {
      const team = await m.findOneBy(Team, { id: dto.teamId });
      if (!team || !inScope(p, team.orgPath)) throw new NotFoundException('team not found');
    }
    const activity: Activity = {
      id: randomUUID(),
      orgPath: dto.unitPath,
      teamId: dto.teamId ?? null,
      title: dto.title,
      place: dto.place,
      startsAt,
      endsAt,
      capacity: dto.capacity,
      pointsPerHour: dto.pointsPerHour,
      createdBy: p.id,
      createdAt: new Date(),
    };
    await m.insert(Activity, activity);
    return activity;
  }

  /** Signs a volunteer up while there is room; the activity row is locked so capacity holds under a rush. */
  async signUp(volunteerId: string, activityId: string, now = new Date()): Promise<SignedUp> {
    return this.ds.transaction(async (m) => {
      const v = await m.findOneBy(Volunteer, { id: volunteerId });
      if (!v) throw new NotFoundException('no registration for this volunteer: apply first');
      if (v.status !== 'approved') throw new ConflictException(`the volunteer is ${v.status}: only approved volunteers sign up`);
      const a = await m.findOne(Activity, { where: { id: activityId }, lock: { mode: 'pessimistic_write' } });
      if (!a || !v.orgPath.startsWith(a.orgPath)) throw new NotFoundException('activity not found');
      if (now >= a.endsAt) throw new ConflictException(`the activity ended at ${a.endsAt.toISOString()}`);
      if (await m.findOneBy(ActivitySignup, { activityId, volunteerId })) throw new ConflictException('signed up already');
      const taken = await m.countBy(ActivitySignup, { activityId });
      if (taken >= a.capacity) throw new ConflictException(`the activity is full: ${taken} of ${a.capacity} places taken`);
      await m.insert(ActivitySignup, { activityId, volunteerId, signedUpAt: now });
      return { activityId, volunteerId, signedUpAt: now, placesLeft: a.capacity - taken - 1 };
    });
  }

  /** Attendance earns points, so each record is audited with who made it. */
  async checkIn(p: Principal, req: HttpRequestLike, activityId: string, dto: AttendanceDto, now = new Date()): Promise<CheckedIn> {
    const at = this.when(dto, now);
    return this.ds.transaction(async (m) => {
      const { a, signup } = await this.attendance(m, p, activityId, dto.volunteerId);
      if (signup.checkedInAt) throw new ConflictException(`checked in already at ${signup.checkedInAt.toISOString()}`);
      this.refuseWith(() => assertCheckIn(a, at));
      await m.update(ActivitySignup, { activityId, volunteerId: dto.volunteerId }, { checkedInAt: at, checkedInBy: p.id });
      await audit(m, p, req, 'activity.checked-in', 'activity-attendance', `${activityId}:${dto.volunteerId}`);
      return { activityId, volunteerId: dto.volunteerId, checkedInAt: at };
    });
  }

  /** Records the hours served and awards their points, once per volunteer and activity. */
  async checkOut(p: Principal, req: HttpRequestLike, activityId: string, dto: AttendanceDto, now = new Date()): Promise<CheckedOut> {
    const at = this.when(dto, now);
    return this.ds.transaction(async (m) => {
      const { a, signup, v } = await this.attendance(m, p, activityId, dto.volunteerId);
      if (!signup.checkedInAt) throw new ConflictException('not checked in');
      if (signup.checkedOutAt) throw new ConflictException(`checked out already at ${signup.checkedOutAt.toISOString()}`);
      this.refuseWith(() => assertCheckOut(signup.checkedInAt!, at));
      const minutes = servedMinutes(a, signup.checkedInAt, at);
      await m.update(ActivitySignup, { activityId, volunteerId: v.id }, { checkedOutAt: at, checkedOutBy: p.id, minutes });
      await audit(m, p, req, 'activity.checked-out', 'activity-attendance', `${activityId}:${v.id}`);
      const points = activityPoints(minutes, a.pointsPerHour);
      if (points > 0) {
        await this.ledger.post(m, {
          kind: 'activity',
          reference: `activity:${activityId}:${v.id}`,
          volunteerId: v.id,
          orgPath: v.orgPath,
          postedBy: p.id,
          reason: a.title,
          lines: [
            { account: volunteerAccount(v.id), amount: points },
            { account: poolAccount(v.orgPath), amount: -points },
          ],
        });
      }
      return { activityId, volunteerId: v.id, checkedInAt: signup.checkedInAt, checkedOutAt: at, minutes, points };
    });
  }

  /**
   * The leader of the activity's team, or an admin over it, sees and records attendance. An activity
   * outside the caller's scope is not found (404) so its existence does not leak; one the volunteer
   * can see (it is open to their community) but does not lead is forbidden (403).
   */
  async assertMayHandleAttendance(m: EntityManager, p: Principal, a: Activity, refusal: string): Promise<void> {
    const notFound = new NotFoundException('activity not found');
    if (ADMIN_ROLES.includes(p.role)) {
      if (inScope(p, a.orgPath)) return;
      throw notFound;
    }
    if (p.role !== 'volunteer') throw notFound;
    if (a.teamId && (await m.findOneBy(TeamMember, { teamId: a.teamId, volunteerId: p.id, role: 'leader' }))) return;
    const v = await m.findOneBy(Volunteer, { id: p.id });
    if (!v || !v.orgPath.startsWith(a.orgPath)) throw notFound;
    throw new ForbiddenException(refusal);
  }

  private async attendance(m: EntityManager, p: Principal, activityId: string, volunteerId: string) {
    const a = await m.findOneBy(Activity, { id: activityId });
    if (!a) throw new NotFoundException('activity not found');
    await this.assertMayHandleAttendance(m, p, a, "only the team's leader or an admin records attendance");
    // Attendance earns points, so nobody awards them to themself: an admin or another leader records it.
    if (volunteerId === p.id)
      throw new ForbiddenException('you cannot record your own attendance: an admin or another leader of the team records it');
    const signup = await m.findOne(ActivitySignup, { where: { activityId, volunteerId }, lock: { mode: 'pessimistic_write' } });
    if (!signup) throw new NotFoundException('this volunteer has not signed up for the activity');
    const v = await m.findOneByOrFail(Volunteer, { id: volunteerId });
    return { a, signup, v };
  }

  private when(dto: AttendanceDto, now: Date): Date {
    const at = dto.at ? new Date(dto.at) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new BadRequestException('at cannot be in the future');
    return at;
  }

  private refuseWith(check: () => void): void {
    try {
      check();
    } catch (err) {
      if (err instanceof AttendanceRefused) throw new ConflictException(err.message);
      throw err;
    }
  }
}
