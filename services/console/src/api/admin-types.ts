import type { components } from './schema';

type Schemas = components['schemas'];

/** Views of the administration pages, named after what they show; all from the generated document. */
export type Figure = Schemas['rating.FigureView'];
export type Rankings = Schemas['rating.Rankings'];
export type MerchantUnit = Schemas['merchant.UnitView'];
export type PendingUnit = Schemas['merchant.PendingUnitView'];
export type UnitStatus = MerchantUnit['status'];
export type UnitStatusChange = Schemas['merchant.UnitStatusChange'];
export type UnitOffering = Schemas['merchant.Offering'];
export type UnitKey = Schemas['merchant.KeyView'];
export type IssuedKey = Schemas['merchant.IssuedKey'];
export type WebhookEndpoint = Schemas['merchant.EndpointView'];
export type WebhookDelivery = Schemas['merchant.DeliveryView'];
export type UnitScorecard = Schemas['merchant.Scorecard'];
export type NewUnit = Schemas['merchant.CreateUnitDto'];
export type VolunteerSummary = Schemas['volunteer.VolunteerSummary'];
export type VolunteerDetail = Schemas['volunteer.VolunteerDetail'];
export type Statement = Schemas['volunteer.Statement'];
export type Movement = Schemas['volunteer.Movement'];
export type Team = Schemas['volunteer.TeamListed'];
export type TeamView = Schemas['volunteer.TeamView'];
export type Activity = Schemas['volunteer.ActivityListed'];
export type ActivityAttendance = Schemas['volunteer.ActivityAttendance'];
export type NewActivity = Schemas['volunteer.ActivityDto'];
export type Reward = Schemas['volunteer.Reward'];
export type PointsConfig = Schemas['volunteer.PointsConfigView'];
export type UnitFigures = Schemas['volunteer.UnitFigures'];
export type StaffUser = Schemas['UserView'];
export type NewStaffUser = Schemas['CreateUserDto'];
