import { API_KEY_SCOPES, type ApiKeyScope } from '@bangbang/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';

export class IssueKeyDto {
  /** `jobs` is always granted; `manage` must be asked for. */
  @IsOptional() @IsArray() @ArrayMaxSize(API_KEY_SCOPES.length) @IsIn(API_KEY_SCOPES, { each: true }) scopes?: ApiKeyScope[];
}
