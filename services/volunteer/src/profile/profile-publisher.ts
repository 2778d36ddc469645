import { VolunteerProviderProfile } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Certificate } from '../registration/certificate.entity';
import { TrainingRecord } from '../registration/training-record.entity';
import { Volunteer } from '../registration/volunteer.entity';
import { deriveProfile, isSkilledProvider } from './provider-profile';

/**
 * Publishes a skilled volunteer's full provider snapshot, with the next version, in the
 * transaction of the change. Locking the volunteer row orders concurrent changes, so versions
 * follow the order in which the states were committed.
 */
@Injectable()
export class ProfilePublisher {
  async publish(m: EntityManager, volunteerId: string, now = new Date()): Promise<number | null> {
    const v = await m.findOne(Volunteer, { where: { id: volunteerId }, lock: { mode: 'pessimistic_write' } });
    if (!v) return null;
    const certificates = await m.findBy(Certificate, { volunteerId });
    if (!isSkilledProvider(v, certificates)) return null;
    const training = (await m.findBy(TrainingRecord, { volunteerId })).map((t) => t.module);
    const version = v.profileVersion + 1;
    await m.update(Volunteer, { id: volunteerId }, { profileVersion: version });
    await writeToOutbox(m, VolunteerProviderProfile, {
      subject: volunteerId,
      data: deriveProfile(v, certificates, training, now, version),
    });
    return version;
  }

  /** Asks for a republish at a moment when the profile changes without anyone acting. */
  async scheduleRefresh(m: EntityManager, volunteerId: string, dueAt: Date, reason: string): Promise<void> {
    await m.query('INSERT INTO profile_refresh (volunteer_id, due_at, reason) VALUES ($1, $2, $3)', [volunteerId, dueAt, reason]);
  }
}
