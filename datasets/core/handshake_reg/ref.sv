module RefModule(input clk, input reset, input in_valid, input [7:0] in_data,
                 output in_ready, output out_valid, output [7:0] out_data, input out_ready);
  reg va, vb;
  reg [7:0] da, db;
  wire ready_b = !vb || out_ready;
  wire ready_a = !va || ready_b;

  always @(posedge clk) begin
    if (reset) begin
      va <= 1'b0;
      vb <= 1'b0;
      da <= 8'h00;
      db <= 8'h00;
    end else begin
      if (ready_b) begin
        vb <= va;
        if (va) db <= da + 8'd1;
      end
      if (ready_a) begin
        va <= in_valid;
        if (in_valid) da <= in_data + 8'd1;
      end
    end
  end

  assign in_ready = ready_a;
  assign out_valid = vb;
  assign out_data = db;
endmodule
