module TopModule(input clk, input reset, input in_valid, input [7:0] in_data,
                 output in_ready, output out_valid, output [7:0] out_data, input out_ready);
  reg va, vb;
  reg [7:0] da, db;
  // whole pipeline advances only on out_ready: empty stages do not absorb a stall
  wire advance = out_ready;

  always @(posedge clk) begin
    if (reset) begin
      va <= 1'b0;
      vb <= 1'b0;
      da <= 8'h00;
      db <= 8'h00;
    end else if (advance) begin
      vb <= va;
      if (va) db <= da + 8'd1;
      va <= in_valid;
      if (in_valid) da <= in_data + 8'd1;
    end
  end

  assign in_ready = advance;
  assign out_valid = vb;
  assign out_data = db;
endmodule
