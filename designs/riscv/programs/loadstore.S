# loadstore.S: loads and stores of every width at every byte lane, sign and zero extension,
# partial overwrites, negative offsets, store-then-load and loading an instruction word.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x4000
  li t3, 0x80ff7f01
  sw t3, 0(s0)

  li gp, 1
  lw a0, 0(s0)
  bne a0, t3, fail
  li gp, 2
  lb a0, 0(s0)
  li t0, 1
  bne a0, t0, fail
  lb a0, 1(s0)
  li t0, 0x7f
  bne a0, t0, fail
  lb a0, 2(s0)
  li t0, -1
  bne a0, t0, fail
  lb a0, 3(s0)
  li t0, -128
  bne a0, t0, fail
  li gp, 3
  lbu a0, 2(s0)
  li t0, 0xff
  bne a0, t0, fail
  lbu a0, 3(s0)
  li t0, 0x80
  bne a0, t0, fail
  lbu a0, 1(s0)
  li t0, 0x7f
  bne a0, t0, fail
  li gp, 4
  lh a0, 0(s0)
  li t0, 0x7f01
  bne a0, t0, fail
  lh a0, 2(s0)
  li t0, 0xffff80ff
  bne a0, t0, fail
  lhu a0, 2(s0)
  li t0, 0x80ff
  bne a0, t0, fail
  li gp, 5
  li t0, 0x11
  sb t0, 4(s0)
  li t0, 0x22
  sb t0, 5(s0)
  li t0, 0x33
  sb t0, 6(s0)
  li t0, 0x44
  sb t0, 7(s0)
  lw a0, 4(s0)
  li t0, 0x44332211
  bne a0, t0, fail
  li gp, 6
  li t0, 0x1234beef
  sh t0, 8(s0)
  li t0, 0xdead
  sh t0, 10(s0)
  lw a0, 8(s0)
  li t0, 0xdeadbeef
  bne a0, t0, fail
  li gp, 7
  sw zero, 12(s0)
  li t0, 0xabcdef12
  sb t0, 13(s0)
  lw a0, 12(s0)
  li t0, 0x1200
  bne a0, t0, fail
  li gp, 8
  addi s1, s0, 32
  li t0, 0x5a5a5a5a
  sw t0, -4(s1)
  lw a0, 28(s0)
  bne a0, t0, fail
  lw a1, -4(s1)
  bne a1, t0, fail
  li gp, 9
  li t0, -1
  sw t0, 16(s0)
  sb zero, 17(s0)
  lw a0, 16(s0)
  li t0, 0xffff00ff
  bne a0, t0, fail
  sh zero, 18(s0)
  lw a0, 16(s0)
  li t0, 0xff
  bne a0, t0, fail
  li gp, 10
  la t0, marker
  lw a0, 0(t0)
  li t1, 0x12300013
  bne a0, t1, fail
  li gp, 11
  li t0, 0x8000
  sw t0, 20(s0)
  lh a0, 20(s0)
  lw a1, 20(s0)
  add a0, a0, a1
  li t1, 0          # 0xffff8000 + 0x8000 wraps to 0
  bne a0, t1, fail
  li gp, 12
  li t0, 0xcafef00d
  sw t0, 24(s0)
  lhu a0, 24(s0)
  lhu a1, 26(s0)
  slli a1, a1, 16
  or a0, a0, a1
  bne a0, t0, fail
  li gp, 13
  li t0, 0x87654321
  sw t0, 0(zero)
  lw a0, 0(zero)
  bne a0, t0, fail
  li gp, 14
  li t0, 0x10000 + 0x4000
  lw a0, 0(t0)
  bne a0, t3, fail
  j pass

marker:
  addi zero, zero, 0x123

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
