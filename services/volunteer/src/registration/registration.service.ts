import { inScope, Principal } from '@bangbang/auth';
import { VolunteerApproved, VolunteerStatusChanged } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { conflictOnUnique } from '@bangbang/platform';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { validCategories } from '../profile/provider-profile';
import { ProfilePublisher } from '../profile/profile-publisher';
import { ApplicationDto, AvailabilityDto, SpecialtyDto, TrainingDto } from './application.dto';
import { Certificate } from './certificate.entity';
import { TrainingRecord } from './training-record.entity';
import { Volunteer } from './volunteer.entity';

@Injectable()
export class RegistrationService {
  constructor(private readonly profiles: ProfilePublisher) {}

  /** A first application, or a new one after a rejection; the volunteer id is the applicant's principal id. */
  async apply(m: EntityManager, applicant: Principal, dto: ApplicationDto, now = new Date()): Promise<Volunteer> {
    this.assertCertificatesValid(dto.specialties, now);
    const existing = await m.findOne(Volunteer, { where: { id: applicant.id }, lock: { mode: 'pessimistic_write' } });
    if (existing && existing.status !== 'rejected') {
      throw new ConflictException(`an application by this volunteer is ${existing.status} already`);
    }
    const row = {
      id: applicant.id,
      orgPath: dto.homeCommunityPath,
      displayName: dto.displayName,
      status: 'applied' as const,
      availability: dto.availability,
      pausedUntil: null,
      maxConcurrentJobs: dto.maxConcurrentJobs ?? 1,
      reviewReason: null,
      reviewedBy: null,
      reviewedAt: null,
      appliedAt: now,
      updatedAt: now,
    };
    if (existing) await m.update(Volunteer, { id: applicant.id }, row);
    else await conflictOnUnique(m.insert(Volunteer, { ...row, profileVersion: 0 }), 'an application by this volunteer is applied already');
    await m.delete(Certificate, { volunteerId: applicant.id });
    await this.saveCertificates(m, applicant.id, dto.specialties, now);
    return m.findOneByOrFail(Volunteer, { id: applicant.id });
  }

  /** Loads a volunteer for a change by staff, locked, checking scope and that nobody reviews themself. */
  async forReview(m: EntityManager, reviewer: Principal, id: string): Promise<Volunteer> {
    if (reviewer.id === id) throw new ForbiddenException('a volunteer cannot review or change their own registration');
    const v = await m.findOne(Volunteer, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!v || !inScope(reviewer, v.orgPath)) throw new NotFoundException('volunteer not found');
    return v;
  }

  async approve(m: EntityManager, reviewer: Principal, id: string, reason: string | undefined, now = new Date()): Promise<Volunteer> {
    const v = await this.forReview(m, reviewer, id);
    if (v.status !== 'applied') throw new ConflictException(`the application is ${v.status}, only an applied one can be approved`);
    await m.update(
      Volunteer,
      { id },
      { status: 'approved', reviewReason: reason ?? null, reviewedBy: reviewer.id, reviewedAt: now, updatedAt: now },
    );
    const certificates = await m.findBy(Certificate, { volunteerId: id });
    await writeToOutbox(m, VolunteerApproved, {
      subject: id,
      data: {
        volunteerId: id,
        orgPath: v.orgPath,
        categories: validCategories(certificates, now),
        approvedBy: reviewer.id,
        at: now.toISOString(),
      },
    });
    await this.profiles.publish(m, id, now);
    return m.findOneByOrFail(Volunteer, { id });
  }

  async reject(m: EntityManager, reviewer: Principal, id: string, reason: string, now = new Date()): Promise<Volunteer> {
    const v = await this.forReview(m, reviewer, id);
    if (v.status !== 'applied') throw new ConflictException(`the application is ${v.status}, only an applied one can be rejected`);
    await m.update(
      Volunteer,
      { id },
      { status: 'rejected', reviewReason: reason, reviewedBy: reviewer.id, reviewedAt: now, updatedAt: now },
    );
    return m.findOneByOrFail(Volunteer, { id });
  }

  async suspend(m: EntityManager, reviewer: Principal, id: string, suspend: boolean, reason: string, now = new Date()): Promise<Volunteer> {
    const v = await this.forReview(m, reviewer, id);
    const from = suspend ? 'approved' : 'suspended';
    if (v.status !== from) throw new ConflictException(`the volunteer is ${v.status}, not ${from}`);
    const to = suspend ? 'suspended' : 'approved';
    await m.update(Volunteer, { id }, { status: to, reviewReason: reason, reviewedBy: reviewer.id, reviewedAt: now, updatedAt: now });
    // The gateway disables (or opens again) the account; dispatch follows the profile.
    await writeToOutbox(m, VolunteerStatusChanged, {
      subject: id,
      data: { volunteerId: id, orgPath: v.orgPath, to, reason, by: reviewer.id, at: now.toISOString() },
    });
    await this.profiles.publish(m, id, now);
    return m.findOneByOrFail(Volunteer, { id });
  }

  async recordTraining(m: EntityManager, trainer: Principal, id: string, dto: TrainingDto, now = new Date()): Promise<string[]> {
    const v = await this.forReview(m, trainer, id);
    if (v.status === 'rejected') throw new ConflictException('the application was rejected');
    if (new Date(dto.completedOn) > now) throw new BadRequestException('completedOn cannot be in the future');
    await m.upsert(
      TrainingRecord,
      { volunteerId: id, module: dto.module, completedOn: dto.completedOn.slice(0, 10), recordedBy: trainer.id, recordedAt: now },
      ['volunteerId', 'module'],
    );
    await this.profiles.publish(m, id, now);
    return (await m.findBy(TrainingRecord, { volunteerId: id })).map((t) => t.module);
  }

  /** Adds or renews a specialty's certificate, checked by staff. */
  async certify(m: EntityManager, admin: Principal, id: string, dto: SpecialtyDto, now = new Date()): Promise<Certificate[]> {
    await this.forReview(m, admin, id);
    this.assertCertificatesValid([dto], now);
    await this.saveCertificates(m, id, [dto], now);
    await this.profiles.publish(m, id, now);
    return m.findBy(Certificate, { volunteerId: id });
  }

  async setAvailability(m: EntityManager, volunteerId: string, dto: AvailabilityDto, now = new Date()): Promise<Volunteer> {
    const pausedUntil = dto.pausedUntil ? new Date(dto.pausedUntil) : null;
    if (pausedUntil && pausedUntil <= now) throw new BadRequestException('pausedUntil must be in the future');
    const maxJobsPerDay = dto.maxJobsPerDay ?? null;
    const maxJobsPerWeek = dto.maxJobsPerWeek ?? null;
    if (maxJobsPerDay !== null && maxJobsPerWeek !== null && maxJobsPerWeek < maxJobsPerDay) {
      throw new BadRequestException('maxJobsPerWeek must be at least maxJobsPerDay');
    }
    const v = await m.findOne(Volunteer, { where: { id: volunteerId }, lock: { mode: 'pessimistic_write' } });
    if (!v) throw new NotFoundException('no registration for this volunteer');
    await m.update(
      Volunteer,
      { id: volunteerId },
      {
        availability: dto.availability,
        pausedUntil,
        maxConcurrentJobs: dto.maxConcurrentJobs,
        maxJobsPerDay,
        maxJobsPerWeek,
        updatedAt: now,
      },
    );
    if (pausedUntil) await this.profiles.scheduleRefresh(m, volunteerId, pausedUntil, 'pause ends');
    await this.profiles.publish(m, volunteerId, now);
    return m.findOneByOrFail(Volunteer, { id: volunteerId });
  }

  private assertCertificatesValid(specialties: SpecialtyDto[], now: Date): void {
    const codes = specialties.map((s) => s.categoryCode);
    if (new Set(codes).size !== codes.length) throw new BadRequestException('specialties: each category may appear once');
    const expired = specialties.find((s) => new Date(s.certificate.expiresAt) <= now);
    if (expired) throw new BadRequestException(`specialties: the certificate for ${expired.categoryCode} has expired`);
  }

  private async saveCertificates(m: EntityManager, volunteerId: string, specialties: SpecialtyDto[], now: Date): Promise<void> {
    for (const s of specialties) {
      const expiresAt = new Date(s.certificate.expiresAt);
      await m.upsert(
        Certificate,
        { volunteerId, categoryCode: s.categoryCode, name: s.certificate.name, number: s.certificate.number, expiresAt, updatedAt: now },
        ['volunteerId', 'categoryCode'],
      );
      await this.profiles.scheduleRefresh(m, volunteerId, expiresAt, `certificate for ${s.categoryCode} expires`);
    }
  }
}
