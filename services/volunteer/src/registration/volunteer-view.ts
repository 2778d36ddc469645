import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { volunteerAccount } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { PointsConfigService } from '../points/points-config.service';
import { StarLevel, starLevel } from '../points/points-rules';
import { isActive, missingTraining, TrainingModule } from '../profile/provider-profile';
import { Certificate } from './certificate.entity';
import { TrainingRecord } from './training-record.entity';
import { Volunteer } from './volunteer.entity';

export class PointsView implements StarLevel {
  balance: number;
  stars: number;
  lifetimePoints: number;
  toNextStar: number | null;
}

/** A volunteer as staff and the volunteer see them: status, training, specialties, availability and points. */
export class VolunteerDetail {
  id: string;
  displayName: string;
  orgPath: string;
  status: Volunteer['status'];
  reviewReason: string | null;
  reviewedAt: Date | null;
  appliedAt: Date;
  active: boolean;
  training: { done: { module: string; completedOn: string }[]; missing: TrainingModule[] };
  specialties: { categoryCode: string; certificate: { name: string; number: string; expiresAt: Date }; valid: boolean }[];
  availability: Volunteer['availability'];
  pausedUntil: Date | null;
  maxConcurrentJobs: number;
  maxJobsPerDay: number | null;
  maxJobsPerWeek: number | null;
  profileVersion: number;
  activityHours: number;
  points: PointsView;
}

/** Staff see a certificate's last four characters: enough to match the paper, not to copy it. */
export const maskCertificateNumber = (n: string): string => `${'*'.repeat(Math.max(0, n.length - 4))}${n.slice(-4)}`;

@Injectable()
export class VolunteerView {
  constructor(
    private readonly ledger: LedgerService,
    private readonly config: PointsConfigService,
  ) {}

  async points(m: EntityManager, v: Volunteer): Promise<PointsView> {
    const [balance, lifetime, config] = await Promise.all([
      this.ledger.balance(m, volunteerAccount(v.id)),
      this.ledger.lifetimeEarned(m, v.id),
      this.config.effective(m, v.orgPath),
    ]);
    return { balance, ...starLevel(lifetime, config.starThresholds) };
  }

  async describe(m: EntityManager, v: Volunteer, opts: { maskCertificates: boolean }, now = new Date()): Promise<VolunteerDetail> {
    const [certificates, training, points, hours] = await Promise.all([
      m.find(Certificate, { where: { volunteerId: v.id }, order: { categoryCode: 'ASC' } }),
      m.findBy(TrainingRecord, { volunteerId: v.id }),
      this.points(m, v),
      m.query<[{ minutes: number }]>('SELECT coalesce(sum(minutes), 0)::int AS minutes FROM activity_signup WHERE volunteer_id = $1', [
        v.id,
      ]),
    ]);
    const done = training.map((t) => t.module);
    return {
      id: v.id,
      displayName: v.displayName,
      orgPath: v.orgPath,
      status: v.status,
      reviewReason: v.reviewReason,
      reviewedAt: v.reviewedAt,
      appliedAt: v.appliedAt,
      active: isActive(v, done, now),
      training: {
        done: training.map((t) => ({ module: t.module, completedOn: t.completedOn })),
        missing: missingTraining(done) as TrainingModule[],
      },
      specialties: certificates.map((c) => ({
        categoryCode: c.categoryCode,
        certificate: { name: c.name, number: opts.maskCertificates ? maskCertificateNumber(c.number) : c.number, expiresAt: c.expiresAt },
        valid: c.expiresAt > now,
      })),
      availability: v.availability,
      pausedUntil: v.pausedUntil,
      maxConcurrentJobs: v.maxConcurrentJobs,
      maxJobsPerDay: v.maxJobsPerDay,
      maxJobsPerWeek: v.maxJobsPerWeek,
      profileVersion: v.profileVersion,
      activityHours: Math.floor(hours[0].minutes / 60),
      points,
    };
  }
}
