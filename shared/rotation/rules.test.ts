import { describe, expect, it } from 'vitest';
import { intervalFor, nextDueDate, rotationState } from './rules';

describe('nextDueDate (calendar months, clamped to month end)', () => {
  it('adds whole months', () => {
    expect(nextDueDate('2024-01-15', 1)).toBe('2024-02-15');
    expect(nextDueDate('2024-01-15', 3)).toBe('2024-04-15');
    expect(nextDueDate('2024-07-10', 6)).toBe('2025-01-10');
  });
  it('clamps 31 → 30-day months and February, leap years included', () => {
    expect(nextDueDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(nextDueDate('2023-01-31', 1)).toBe('2023-02-28');
    expect(nextDueDate('2024-08-31', 1)).toBe('2024-09-30');
    expect(nextDueDate('2024-03-31', 6)).toBe('2024-09-30');
    expect(nextDueDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(nextDueDate('2023-11-30', 3)).toBe('2024-02-29');
  });
  it('crosses year ends', () => {
    expect(nextDueDate('2024-12-31', 1)).toBe('2025-01-31');
    expect(nextDueDate('2024-11-30', 3)).toBe('2025-02-28');
  });
});

describe('rotationState', () => {
  it('is "never" without a confirmation', () => {
    expect(rotationState(null, 1, '2024-01-20')).toEqual({ state: 'never', nextDue: null, daysLeft: null });
  });
  it('is ok with more than the threshold left', () => {
    expect(rotationState('2024-01-10', 3, '2024-01-20')).toEqual({ state: 'ok', nextDue: '2024-04-10', daysLeft: 81 });
  });
  it('is due soon within the threshold, the due date itself included', () => {
    expect(rotationState('2023-12-25', 1, '2024-01-20').state).toBe('due_soon');
    expect(rotationState('2023-12-20', 1, '2024-01-20')).toEqual({ state: 'due_soon', nextDue: '2024-01-20', daysLeft: 0 });
    expect(rotationState('2024-01-05', 1, '2024-01-20', 14)).toEqual({ state: 'ok', nextDue: '2024-02-05', daysLeft: 16 });
    expect(rotationState('2024-01-05', 1, '2024-01-20', 20).state).toBe('due_soon');
  });
  it('is overdue the day after the due date', () => {
    expect(rotationState('2023-12-19', 1, '2024-01-20')).toEqual({ state: 'overdue', nextDue: '2024-01-19', daysLeft: -1 });
  });
  it('uses the month-end clamp: changed 31/01/2024, monthly, due 29/02', () => {
    expect(rotationState('2024-01-31', 1, '2024-03-01')).toMatchObject({ state: 'overdue', nextDue: '2024-02-29', daysLeft: -1 });
  });
  it('picks the admin or user interval by role', () => {
    const system = { adminIntervalMonths: 1, userIntervalMonths: 3 };
    expect(intervalFor('admin', system)).toBe(1);
    expect(intervalFor('user', system)).toBe(3);
  });
});

// Issue 22 (survivor L40): the exact 14th day before the due date is "due soon" (≤ 14 days left), the 15th is not.
describe('the due-soon boundary', () => {
  it('is due soon with exactly 14 days left, ok with 15 (default and explicit)', () => {
    expect(rotationState('2024-01-06', 1, '2024-01-23')).toEqual({ state: 'due_soon', nextDue: '2024-02-06', daysLeft: 14 });
    expect(rotationState('2024-01-06', 1, '2024-01-22')).toEqual({ state: 'ok', nextDue: '2024-02-06', daysLeft: 15 });
    expect(rotationState('2024-01-06', 1, '2024-01-30', 7)).toEqual({ state: 'due_soon', nextDue: '2024-02-06', daysLeft: 7 });
    expect(rotationState('2024-01-06', 1, '2024-01-29', 7)).toEqual({ state: 'ok', nextDue: '2024-02-06', daysLeft: 8 });
  });
});
