import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { likePrefix } from '@bangbang/auth';
import { ADMINS, approvedHome, audit, HttpRequestLike, STAFF_AND_VOLUNTEERS } from '../access';
import { ActivitiesService } from './activities.service';
import { ActivityDto, AttendanceDto } from './activity.dto';
import { Activity } from './activity.entity';

const LIST = `SELECT a.id, a.title, a.place, a.org_path AS "orgPath", a.team_id AS "teamId", a.starts_at AS "startsAt", a.ends_at AS "endsAt",
  a.capacity, a.points_per_hour AS "pointsPerHour", (SELECT count(*)::int FROM activity_signup s WHERE s.activity_id = a.id) AS "signedUp"
  FROM activity a`;

/** An activity in a list, with how many signed up. */
export class ActivityListed {
  id: string;
  title: string;
  place: string;
  orgPath: string;
  teamId: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  pointsPerHour: number;
  signedUp: number;
  /** A volunteer only: whether they signed up, and the minutes credited once checked out. */
  signedUpByMe?: boolean;
  minutes?: number | null;
}

export class Attendee {
  volunteerId: string;
  displayName: string;
  signedUpAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  minutes: number | null;
}

/** An activity and who signed up, checked in and out. */
export class ActivityAttendance extends Activity {
  attendance: Attendee[];
}

@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly ds: DataSource,
    private readonly activities: ActivitiesService,
  ) {}

  @Post()
  @Roles(...ADMINS)
  create(@CurrentPrincipal() p: Principal, @Body() dto: ActivityDto, @Req() req: HttpRequestLike) {
    return this.ds.transaction(async (m) => {
      const a = await this.activities.create(m, p, dto);
      await audit(m, p, req, 'activity.published', 'activity', a.id);
      return a;
    });
  }

  /** Staff: activities in their scope; an approved volunteer: those open to their community, with their own sign-ups marked. */
  @Get()
  @Roles(...STAFF_AND_VOLUNTEERS)
  async list(@CurrentPrincipal() p: Principal): Promise<ActivityListed[]> {
    if (p.role !== 'volunteer') {
      return this.ds.query<ActivityListed[]>(`${LIST} WHERE a.org_path LIKE $1 ORDER BY a.starts_at DESC LIMIT 500`, [
        likePrefix(p.orgPath),
      ]);
    }
    const home = await approvedHome(this.ds.manager, p);
    if (!home) return [];
    return this.ds.query<ActivityListed[]>(
      `SELECT x.*, s.volunteer_id IS NOT NULL AS "signedUpByMe", s.minutes FROM (${LIST} WHERE $1 LIKE a.org_path || '%') x
       LEFT JOIN activity_signup s ON s.activity_id = x.id AND s.volunteer_id = $2 ORDER BY x."startsAt" DESC LIMIT 500`,
      [home, p.id],
    );
  }

  @Get(':id/attendance')
  async attendance(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ActivityAttendance> {
    const a = await this.ds.getRepository(Activity).findOneBy({ id });
    if (!a) throw new NotFoundException('activity not found');
    await this.activities.assertMayHandleAttendance(this.ds.manager, p, a, "only the team's leader or an admin sees the attendance");
    const rows = await this.ds.query<
      {
        volunteerId: string;
        displayName: string;
        signedUpAt: Date;
        checkedInAt: Date | null;
        checkedOutAt: Date | null;
        minutes: number | null;
      }[]
    >(
      `SELECT s.volunteer_id AS "volunteerId", v.display_name AS "displayName", s.signed_up_at AS "signedUpAt",
         s.checked_in_at AS "checkedInAt", s.checked_out_at AS "checkedOutAt", s.minutes
       FROM activity_signup s JOIN volunteer v ON v.id = s.volunteer_id WHERE s.activity_id = $1 ORDER BY s.signed_up_at`,
      [id],
    );
    return { ...a, attendance: rows };
  }

  @Post(':id/signups')
  @Roles('volunteer')
  signUp(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.activities.signUp(p.id, id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  checkIn(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttendanceDto,
    @Req() req: HttpRequestLike,
  ) {
    return this.activities.checkIn(p, req, id, dto);
  }

  @Post(':id/check-out')
  @HttpCode(200)
  checkOut(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttendanceDto,
    @Req() req: HttpRequestLike,
  ) {
    return this.activities.checkOut(p, req, id, dto);
  }
}
